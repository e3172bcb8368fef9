'use client';

import { useState } from 'react';
import { ConfirmDialog } from '@/components/blocklists/confirm-dialog';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import type { NotifyHookView } from '@/lib/notify/types';
import { NotifyHookForm } from './notify-hook-form';
import { NotifyHookList } from './notify-hook-list';
import { okAnswer, testAnswer } from './notify-hook-schema';

/** The notifications page's client part: the list, the add/edit form, remove with confirmation, "Send test". */
export function NotifyHooks({ initial, canAllowPrivate }: { initial: NotifyHookView[]; canAllowPrivate: boolean }) {
  const [hooks, setHooks] = useState(initial);
  const [editing, setEditing] = useState<NotifyHookView | null>(null);
  const [removing, setRemoving] = useState<NotifyHookView | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function test(h: NotifyHookView) {
    setBusyId(h.id);
    setStatus({ tone: 'ok', text: `Sending a test to ${h.name}…` });
    const r = await sendJson(`/api/notify/hooks/${h.id}/test`, 'POST', undefined, testAnswer);
    setBusyId(null);
    if (!r.ok) return setStatus({ tone: 'error', text: r.message });
    setStatus({ tone: r.data.ok ? 'ok' : 'error', text: `${h.name}: ${r.data.detail}` });
  }

  async function remove(h: NotifyHookView) {
    setBusyId(h.id);
    const r = await sendJson(`/api/notify/hooks/${h.id}`, 'DELETE', undefined, okAnswer);
    setBusyId(null);
    setRemoving(null);
    if (!r.ok) return setStatus({ tone: 'error', text: r.message });
    setHooks((all) => all.filter((x) => x.id !== h.id));
    if (editing?.id === h.id) setEditing(null);
    setStatus({ tone: 'ok', text: `Removed ${h.name}.` });
  }

  function saved(h: NotifyHookView) {
    setHooks((all) => (all.some((x) => x.id === h.id) ? all.map((x) => (x.id === h.id ? h : x)) : [...all, h].sort((a, b) => a.name.localeCompare(b.name))));
    setStatus({ tone: 'ok', text: editing ? `Saved ${h.name}.` : `Added ${h.name}.` });
    setEditing(null);
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        When something is held, each hook gets the rule, the instance, the signal and a link to the item here: never post text, images or media links.
      </p>
      <div aria-live="polite" data-testid="notify-status">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
      <NotifyHookList hooks={hooks} busyId={busyId} onEdit={setEditing} onTest={(h) => void test(h)} onRemove={setRemoving} />
      <NotifyHookForm key={editing?.id ?? 'new'} editing={editing} canAllowPrivate={canAllowPrivate} onSaved={saved} onCancel={() => setEditing(null)} />
      <ConfirmDialog
        open={removing !== null} title={`Remove ${removing?.name ?? 'this hook'}?`} confirmLabel="Remove hook" confirmTestId="notify-remove-confirm"
        busy={busyId !== null} danger onConfirm={() => removing && void remove(removing)} onCancel={() => setRemoving(null)}
      >
        <p>Notifications still waiting for it are dropped. Holds and rules are not changed.</p>
      </ConfirmDialog>
    </div>
  );
}
