'use client';

import { useState } from 'react';
import type { PublishView } from '@/lib/blocklists/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from './confirm-dialog';
import { useBlocklistAction } from './use-blocklist-action';

type Update = { enabled: boolean; public: boolean; rotateToken?: boolean };

/**
 * The merged list as a Mastodon CSV other collectives can subscribe to (public comments only). Admins switch it
 * and see the URL; others only learn whether it is on.
 */
export function PublishCard({ publish, canEdit }: { publish: PublishView; canEdit: boolean }) {
  const [status, setStatus] = useState<string | null>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const save = useBlocklistAction<Update, { publish: PublishView }>((body) => ({ url: '/api/blocklists/publish', method: 'PUT', body }));
  const change = (u: Update, done: string) => { setStatus(null); save.mutate(u, { onSuccess: () => setStatus(done) }); };

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('URL copied.');
    } catch {
      setStatus('Copy failed: select the URL and copy it by hand.');
    }
  }

  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">Publish</h2>
      <p className="text-xs text-muted">The merged list as a Mastodon CSV, with public comments only: never private notes, source names or who decided.</p>
      {canEdit ? (
        <div className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={publish.enabled} disabled={save.isPending} onChange={(e) => change({ enabled: e.target.checked, public: publish.public }, e.target.checked ? 'Publishing.' : 'No longer published.')} />
            Publish the merged list
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={publish.public} disabled={save.isPending || !publish.enabled} onChange={(e) => change({ enabled: publish.enabled, public: e.target.checked }, e.target.checked ? 'Anyone with the address can read it.' : 'The address now needs the token.')} />
            Public (no token needed)
          </label>
        </div>
      ) : <p className="text-sm">{publish.enabled ? (publish.public ? 'Published, public.' : 'Published, with a token.') : 'Not published.'}</p>}
      {publish.url ? (
        <div className="space-y-2">
          <label className="block space-y-1 text-sm">
            <span className="font-medium">Address to share</span>
            <input readOnly value={publish.url} onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-line bg-subtle px-2.5 py-1.5 font-mono text-xs" data-testid="blocklist-publish-url" />
          </label>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => void copy(publish.url ?? '')}>Copy URL</Button>
            {canEdit && !publish.public ? (
              <Button type="button" variant="ghost" disabled={save.isPending} onClick={() => setConfirmRotate(true)}>Rotate token</Button>
            ) : null}
          </div>
        </div>
      ) : null}
      <div aria-live="polite">{save.error ? <Alert tone="error">{save.error.message}</Alert> : status ? <p className="text-xs text-ok">{status}</p> : null}</div>
      <ConfirmDialog
        open={confirmRotate}
        title="Make a new token?"
        confirmLabel="Rotate token"
        confirmTestId="blocklist-publish-rotate-confirm"
        danger
        busy={save.isPending}
        onCancel={() => setConfirmRotate(false)}
        onConfirm={() => { setConfirmRotate(false); change({ enabled: true, public: false, rotateToken: true }, 'New token made: the old address no longer works.'); }}
      >
        <p>The current address stops working at once. Everyone subscribed with it needs the new one.</p>
      </ConfirmDialog>
    </Card>
  );
}
