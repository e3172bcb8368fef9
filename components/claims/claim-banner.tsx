'use client';

/**
 * Claims the subject while this page is open, so a colleague opening it sees someone is on it. Heartbeats every 30 s
 * only while the tab is visible and the person was active in the last 3 minutes: an idle or hidden page stops
 * renewing and the claim lapses by itself after two minutes. Leaving the page releases it at once (sendBeacon on
 * pagehide, since a fetch may not outlive the page).
 */
import { useEffect, useState } from 'react';
import type { ClaimView } from '@/lib/claims/types';
import { requestJson, send } from '@/components/api/request';
import { claimText } from './claim-text';
import { HEARTBEAT_MS, shouldHeartbeat, wasIdle } from './heartbeat';

/** Releases waiting one tick: a remount of the same subject (React's strict mode, a re-render) cancels its own. */
const pendingRelease = new Map<string, number>();

export function ClaimBanner({ subjectType, subjectKey }: { subjectType: 'report' | 'case'; subjectKey: string }) {
  const [claim, setClaim] = useState<ClaimView | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const subject = { subjectType, subjectKey };
    const id = `${subjectType}:${subjectKey}`;
    window.clearTimeout(pendingRelease.get(id));
    pendingRelease.delete(id);
    let lastActive = Date.now();
    let alive = true;
    const claimNow = async () => {
      try {
        const out = await requestJson<{ claim: ClaimView | null }>('/api/claims', { method: 'POST', body: subject });
        if (alive) { setClaim(out.claim); setNow(Date.now()); }
      } catch {
        // A missed heartbeat is harmless: the next one renews, or the claim lapses as for an idle page.
      }
    };
    const active = () => {
      const back = wasIdle(lastActive, Date.now());
      lastActive = Date.now();
      if (back) void claimNow();
    };
    const tick = () => {
      if (shouldHeartbeat(document.visibilityState === 'visible', lastActive, Date.now())) void claimNow();
    };
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      lastActive = Date.now();
      void claimNow();
    };
    const release = () => {
      const blob = new Blob([JSON.stringify(subject)], { type: 'application/json' });
      if (!navigator.sendBeacon?.('/api/claims/release', blob)) void send('/api/claims/release', 'POST', subject).catch(() => undefined);
    };
    const onPageShow = (e: PageTransitionEvent) => { if (e.persisted) void claimNow(); };

    void claimNow();
    const timer = window.setInterval(tick, HEARTBEAT_MS);
    window.addEventListener('pointerdown', active);
    window.addEventListener('keydown', active);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('pagehide', release);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      alive = false;
      window.clearInterval(timer);
      window.removeEventListener('pointerdown', active);
      window.removeEventListener('keydown', active);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('pagehide', release);
      window.removeEventListener('pageshow', onPageShow);
      pendingRelease.set(id, window.setTimeout(() => { pendingRelease.delete(id); release(); }, 0));
    };
  }, [subjectType, subjectKey]);

  if (!claim) return <div data-testid="claim-banner" data-mine="" role="status" aria-live="polite" className="sr-only" />;
  const cls = claim.mine ? 'border-line bg-subtle text-muted' : 'border-warn/40 bg-warn-soft text-ink';
  return (
    <div data-testid="claim-banner" data-mine={claim.mine ? 'true' : 'false'} role="status" aria-live="polite" className={`mb-3 rounded-md border px-3 py-1.5 text-sm ${cls}`}>
      {claim.mine ? null : <span aria-hidden="true" className="mr-1.5 font-semibold text-warn">●</span>}
      {claimText(claim, subjectType, now)}
    </div>
  );
}
