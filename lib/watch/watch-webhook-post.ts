/**
 * A post a server pushed to us (Mastodon's status.created / status.updated webhook): matched against the terms that
 * apply to its instance at once, so a hit lands without waiting for the next scan. Never a sync, never a throw: the
 * delivery is accepted either way (the server would only resend the same bytes), and a post that cannot be written
 * is kept as a SyncIssue like a skipped item.
 */
import type { RemotePost } from '@/lib/connectors/types';
import { logger } from '@/lib/log/logger';
import { describeError } from '@/lib/sync/describe-error';
import { recordSkipped } from '@/lib/sync/record-skipped';
import { watchCapability } from './list-terms';
import { matchTerms } from './match-terms';
import { recordWatchHit } from './record-watch-hit';
import { termsFor } from './run-watch-scan';

const log = logger('watch');

export async function watchWebhookPost(instance: { id: string; kind: string }, event: string, post: RemotePost | null, error?: string): Promise<string | null> {
  if (!post) {
    if (error) await recordSkipped(instance.id, [{ remoteId: null, error: `webhook ${event}: ${error}`, raw: null }]);
    return null;
  }
  if (!watchCapability(instance.kind)?.webhook) return null;
  try {
    const matched = matchTerms(post, await termsFor(instance.id));
    if (matched.length === 0) return null;
    const out = await recordWatchHit(instance.id, post, matched, 'webhook');
    log.info('watch hit from webhook', { instanceId: instance.id, event, created: out.created, terms: out.newTerms.length });
    return out.reportId;
  } catch (e) {
    log.warn('webhook post not recorded', { instanceId: instance.id, event, error: describeError(e) });
    await recordSkipped(instance.id, [{ remoteId: post.remoteId.slice(0, 400), error: `webhook ${event}: watch hit not recorded: ${describeError(e)}`, raw: null }]);
    return null;
  }
}
