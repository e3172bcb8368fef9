/**
 * CONTRACT STUB (issue 14, matchers implements): sends one media item's hashes to every enabled matcher that is
 * opted in for its instance and has not answered yet, through the guard (timeout, rate limit, circuit breaker);
 * stores hits; refreshes the reports that show the media; fires outside_match holds. Never throws: a failure is
 * recorded on the OutsideCheck row with its backoff.
 */
export async function runOutsideChecks(mediaId: string): Promise<void> {
  void mediaId;
}

/** CONTRACT STUB: media with an OutsideCheck due now (pending, backoff over, circuit not open), at most `limit`. */
export async function dueOutsideChecks(now: Date, limit = 200): Promise<string[]> {
  void now; void limit;
  return [];
}

/**
 * CONTRACT STUB: called by ingest right after a media item is hashed: writes OutsideCheck rows for the matchers
 * opted in for its instance and queues the check. Never throws; no matcher configured = one cheap read.
 */
export async function queueOutsideChecks(mediaId: string): Promise<void> {
  void mediaId;
}
