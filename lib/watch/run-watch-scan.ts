/**
 * CONTRACT STUB (issue 14, watch-core implements): one scan of one instance: the recent-posts feed since its cursor
 * and, where the kind offers it, a lookup per enabled hashtag/keyword term; every post matched against the terms
 * locally; hits become watch items in the queue. Never throws for one post or one term (recorded on the cursor).
 */
export async function runWatchScan(instanceId: string): Promise<void> {
  void instanceId;
}

/** CONTRACT STUB: instances whose watch scan is due (at least one enabled term applies; last scan older than the interval). */
export async function dueWatchScans(now: Date): Promise<string[]> {
  void now;
  return [];
}
