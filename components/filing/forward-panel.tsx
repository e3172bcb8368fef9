'use client';

/**
 * "Forward to origin": tell the origin server's moderators, once. The options (best first) are offered only while
 * no live forward exists; a queued forward is polled every 2 s until the outbox says sent or failed.
 */
import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { discardForwardCall, fetchForwardPanel, forwardCaseCall, markForwardSentCall } from './forward-api';
import { FILING_POLL_MS } from './filing-text';
import { ForwardOptions, firstUsable } from './forward-options';
import { FORWARD_STATE, ForwardRow } from './forward-row';

export function ForwardPanel({ caseId }: { caseId: string }) {
  const client = useQueryClient();
  const key = ['forwards', caseId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => fetchForwardPanel(caseId),
    refetchInterval: (query) => (query.state.data?.forwards.some((f) => f.state === 'queued') ? FILING_POLL_MS : false),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const p = q.data;

  const sig = (p?.forwards ?? []).map((f) => `${f.id}:${f.state}`).join(',');
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (last.current !== null && last.current !== sig) {
      void client.invalidateQueries({ queryKey: ['case', caseId] });
      const newest = p?.forwards[0];
      if (newest) setAnnounce(`Forward to ${newest.domain}: ${FORWARD_STATE[newest.state].text}.`);
    }
    last.current = sig;
  }, [sig, p, caseId, client]);

  async function act(name: string, fn: () => Promise<unknown>) {
    setBusy(name);
    setError(null);
    try {
      await fn();
      await client.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong.');
    } finally {
      setBusy(null);
    }
  }

  const choice = chosen ?? (p ? firstUsable(p.options) : null);
  const canAct = p?.can.forward ?? false;
  return (
    <Card className="space-y-3" data-testid="forward-panel" aria-labelledby="forward-heading" role="region">
      <h2 id="forward-heading" className="text-sm font-semibold">Forward to origin</h2>
      <p className="sr-only" aria-live="polite" data-testid="forward-live">{announce}</p>
      {q.isPending ? <p className="text-sm text-muted">Loading…</p> : null}
      {q.isError ? <Alert tone="error">Could not load the forwards: {q.error.message}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {p ? (
        <>
          {p.domain === null ? <p className="text-sm text-muted">The origin server of this item is not known, so there is nobody to forward to.</p> : null}
          {p.domain !== null && !p.live ? (
            canAct ? (
              p.options.length > 0 ? (
                <>
                  <p className="text-sm">Tell the moderators of <strong>{p.domain}</strong> about this case.</p>
                  <ForwardOptions options={p.options} chosen={choice} busy={busy !== null} onChoose={setChosen} onForward={() => { if (choice) void act('forward', () => forwardCaseCall(caseId, choice)); }} />
                </>
              ) : <p className="text-sm text-muted">No way to reach {p.domain} was found.</p>
            ) : <p className="text-sm text-muted">Not forwarded to {p.domain} yet. Forwarding needs a moderator who can edit this case.</p>
          ) : null}
          {p.forwards.length > 0 ? (
            <ul className="space-y-2" aria-label="Forwards, newest first">
              {p.forwards.map((f) => (
                <ForwardRow key={f.id} f={f} canAct={canAct} busy={busy !== null}
                  onSent={() => void act('sent', () => markForwardSentCall(f.id))}
                  onDiscard={() => void act('discard', () => discardForwardCall(f.id))} />
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
