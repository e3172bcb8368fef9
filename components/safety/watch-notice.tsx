import type { WatchTermRef } from '@/lib/watch/types';
import { Button } from '@/components/ui/button';
import { watchRefText } from './labels';

/**
 * A post a watch list caught: there is no report on the server, so the report actions do not apply; Close takes
 * the item out of the queue here only.
 */
export function WatchNotice({ refs, canAct, closed, busy, onClose }: {
  refs: WatchTermRef[] | null;
  canAct: boolean;
  closed: boolean;
  busy?: boolean;
  onClose?: () => void;
}) {
  const words = (refs ?? []).map(watchRefText).join(', ') || 'a watched term';
  return (
    <section aria-labelledby="watch-notice-heading" data-testid="watch-notice" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-accent/30 bg-info-soft p-4 text-sm">
      <div className="min-w-0">
        <h2 id="watch-notice-heading" className="font-semibold">Caught by the watch list: {words}</h2>
        <p className="text-muted">Nobody reported this post; the server has no report to resolve. Act on the post or account if needed, then close the item.</p>
      </div>
      {canAct && !closed && onClose ? (
        <Button type="button" data-testid="watch-close" disabled={busy} onClick={onClose}>{busy ? 'Closing…' : 'Close item'}</Button>
      ) : closed ? <span className="text-muted">Closed</span> : null}
    </section>
  );
}
