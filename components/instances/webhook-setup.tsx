'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * Mastodon webhooks are created by hand in its admin UI; this shows what to paste there. Misskey 2024.10+ needs two
 * steps: a system webhook alone receives no report events until a notification recipient (method Webhook) names it.
 */
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
        <div className="space-y-1">
          <p>In Misskey (2024.10 and later) this takes two steps; the first alone delivers nothing:</p>
          <ol className="list-decimal space-y-1 pl-5">
            <li>Control panel → Webhooks: add a system webhook with this URL, the events <code>abuseReport</code> and <code>abuseReportResolved</code>, and the secret below.</li>
            <li>Control panel → Reports → Notification settings: add a recipient with the method <em>Webhook</em> and choose that system webhook.</li>
          </ol>
          <p>Reports then arrive within seconds; polling stays on as the safety net.</p>
        </div>
      ) : (
        <p>In Mastodon, open Administration → Webhooks, add an endpoint with this URL, select the events <code>report.created</code> and <code>report.updated</code>, and set the secret below. Reports then arrive within seconds; polling stays on as the safety net.</p>
      )}
      <p className="break-all rounded bg-subtle px-2 py-1 font-mono text-xs">{url}</p>
      {isAdmin ? (
        secret ? <p className="break-all rounded bg-subtle px-2 py-1 font-mono text-xs" data-testid="webhook-secret">{secret}</p> : <Button onClick={reveal}>Show the webhook secret</Button>
      ) : null}
      {error ? <p className="text-danger">{error}</p> : null}
    </div>
  );
}
