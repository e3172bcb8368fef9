'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Mastodon webhooks are created by hand in its admin UI; this shows what to paste there. */
export function WebhookSetup({ instanceId, url, isAdmin, kind }: { instanceId: string; url: string; isAdmin: boolean; kind: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function reveal() {
    const res = await fetch(`/api/instances/${instanceId}/webhook-secret`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const body = await res.json();
    if (res.ok) setSecret(body.secret);
    else setError(body.error?.message ?? 'Could not load the secret.');
  }
  return (
    <div className="space-y-2 text-sm">
      {kind === 'misskey' ? (
        <p>In Misskey, open the control panel → Webhooks, add a system webhook with this URL, the events <code>abuseReport</code> and <code>abuseReportResolved</code>, and the secret below. Reports then arrive within seconds; polling stays on as the safety net.</p>
      ) : (
        <p>In Mastodon, open Administration → Webhooks, add an endpoint with this URL, select the events <code>report.created</code> and <code>report.updated</code>, and set the secret below. Reports then arrive within seconds; polling stays on as the safety net.</p>
      )}
      <p className="break-all rounded bg-[#f1f2f3] px-2 py-1 font-mono text-xs">{url}</p>
      {isAdmin ? (
        secret ? <p className="break-all rounded bg-[#f1f2f3] px-2 py-1 font-mono text-xs" data-testid="webhook-secret">{secret}</p> : <Button onClick={reveal}>Show the webhook secret</Button>
      ) : null}
      {error ? <p className="text-danger">{error}</p> : null}
    </div>
  );
}
