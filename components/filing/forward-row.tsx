'use client';

/** One forward to the origin: how it went (method, instance), its state in words and symbol, and its error. */
import type { ForwardMethod, ForwardState, ForwardView } from '@/lib/forwarding/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ForwardMessage } from './forward-message';
import { utc } from './filing-text';

export const METHOD_TEXT: Record<ForwardMethod, string> = {
  instance_forward: 'Forwarded through a connected instance',
  origin_report: 'Reported on the origin (connected)',
  message: 'Message to the origin’s admins',
};
export const FORWARD_STATE: Record<ForwardState, { text: string; symbol: string; tone: 'neutral' | 'info' | 'warn' | 'ok' | 'danger' }> = {
  queued: { text: 'Sending', symbol: '…', tone: 'info' },
  sent: { text: 'Sent', symbol: '✓', tone: 'ok' },
  failed: { text: 'Failed', symbol: '✕', tone: 'danger' },
  prepared: { text: 'Ready to send by email', symbol: '✉', tone: 'warn' },
  marked_sent: { text: 'Sent by email', symbol: '✓', tone: 'ok' },
  discarded: { text: 'Discarded', symbol: '–', tone: 'neutral' },
};

export function ForwardRow({ f, canAct, busy, onSent, onDiscard }: { f: ForwardView; canAct: boolean; busy: boolean; onSent: () => void; onDiscard: () => void }) {
  const s = FORWARD_STATE[f.state];
  return (
    <li className="space-y-2 border-t border-line pt-2 first:border-t-0 first:pt-0" data-testid="forward-row" data-state={f.state} data-method={f.method}>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={s.tone}><span aria-hidden="true">{s.symbol}&nbsp;</span>{s.text}</Badge>
        <span>{METHOD_TEXT[f.method]}{f.instance ? `: ${f.instance.name}` : ''} → {f.domain}</span>
      </p>
      <p className="text-xs text-muted">
        by {f.createdBy} · <time dateTime={f.createdAt}>{utc(f.createdAt)}</time>
        {f.sentAt ? <> · sent <time dateTime={f.sentAt}>{utc(f.sentAt)}</time></> : null}
      </p>
      {f.error ? <p className="text-sm text-danger" data-testid="forward-error"><span aria-hidden="true">✕ </span>{f.error}</p> : null}
      {f.method === 'message' && f.state !== 'discarded' ? (
        <ForwardMessage f={f} canAct={canAct} busy={busy} onSent={onSent} onDiscard={onDiscard} />
      ) : canAct && f.state === 'failed' ? (
        <Button type="button" variant="ghost" data-testid="forward-discard" disabled={busy} onClick={onDiscard}>Discard</Button>
      ) : null}
    </li>
  );
}
