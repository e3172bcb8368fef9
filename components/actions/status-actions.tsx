'use client';

import type { StatusView } from '@/lib/queue/detail-types';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { describeAction } from './labels';
import { permanenceOf } from './permanence';
import { PermanenceMark } from './permanence-mark';
import { useReportActions } from './use-report-actions';

const POST_ACTIONS = ['status.delete', 'status.sensitive', 'status.purge', 'status.block', 'status.visibility'];

/**
 * Post-level actions next to each reported status, only where the server's API has them (Mastodon's has none:
 * the action panel says so). Shares the action panel's query, so it costs no extra request. Each button's title
 * says what it does on this server; permanent ones ask first.
 */
export function StatusActions({ reportId, status }: { reportId: string; status: Pick<StatusView, 'id' | 'remoteId' | 'remoteState' | 'visibility'> }) {
  const { query, request } = useReportActions(reportId);
  const data = query.data;
  if (!data?.canAct) return null;
  const only = data.capabilities.statusIdPattern ?? {};
  const has = (k: string) => {
    const pattern = only[k as keyof typeof only];
    return data.capabilities.actions.includes(k as never) && (!pattern || new RegExp(pattern).test(status.remoteId));
  };
  if (!POST_ACTIONS.some(has)) return null;
  const notes = data.capabilities.notes;
  const gone = status.remoteState === 'deleted' || status.remoteState === 'purged';
  if (gone) return <p className="text-xs text-muted">This post was {status.remoteState} on {data.instance.name}.</p>;
  const busy = request.isPending;
  const send = (a: Record<string, unknown>) => request.mutate({ ...a, statusId: status.id });
  const confirmThen = (question: string, a: Record<string, unknown>) => {
    if (window.confirm(question)) send(a);
  };
  const caps = data.capabilities;
  const del = permanenceOf({ kind: 'status.delete' }, caps);
  const deleteLabel = describeAction('status.delete', {}, caps);
  return (
    <div className="flex flex-wrap items-center gap-1.5" aria-label="Post actions" role="group">
      {has('status.sensitive') ? (
        <Button disabled={busy} title={notes['status.sensitive']} onClick={() => send({ kind: 'status.sensitive', sensitive: true })}>
          Mark post sensitive
        </Button>
      ) : null}
      {has('status.sensitive') ? <PermanenceMark p={permanenceOf({ kind: 'status.sensitive', sensitive: true }, caps)} /> : null}
      {has('status.visibility') ? (
        <label className="flex items-center gap-1.5 text-sm" title={notes['status.visibility']}>
          <span>Visibility</span>
          <Select
            className="w-auto"
            name="status-visibility"
            disabled={busy}
            value={['public', 'unlisted', 'private'].includes(status.visibility ?? '') ? (status.visibility as string) : ''}
            onChange={(e) => e.target.value && send({ kind: 'status.visibility', visibility: e.target.value })}
          >
            <option value="" disabled>—</option>
            <option value="public">Public</option>
            <option value="unlisted">Unlisted</option>
            <option value="private">Followers only</option>
          </Select>
        </label>
      ) : null}
      {has('status.block') ? (
        status.remoteState === 'blocked' ? (
          <Button disabled={busy} title={notes['status.block']} onClick={() => send({ kind: 'status.block', blocked: false })}>Unblock</Button>
        ) : (
          <>
            <Button disabled={busy} title={notes['status.block']} onClick={() => send({ kind: 'status.block', blocked: true })}>Block</Button>
            <PermanenceMark p={permanenceOf({ kind: 'status.block', blocked: true }, caps)} />
          </>
        )
      ) : null}
      {has('status.delete') && status.remoteState !== 'removed' ? (
        <>
          {/* A reversible removal (Lemmy) looks like the other reversible buttons; a real deletion is danger. */}
          <Button
            variant={del.permanent ? 'danger' : 'secondary'}
            disabled={busy}
            title={notes['status.delete']}
            onClick={() => confirmThen(`${notes['status.delete'] ?? 'Delete this post?'}\n\n${del.permanent ? 'This cannot be undone. ' : ''}Go ahead on ${data.instance.name}?`, { kind: 'status.delete' })}
          >
            {deleteLabel}
          </Button>
          <PermanenceMark p={del} />
        </>
      ) : null}
      {has('status.purge') ? (
        <Button
          variant="danger"
          disabled={busy}
          title={notes['status.purge']}
          onClick={() => confirmThen(`${notes['status.purge'] ?? 'Purge this post?'}\n\nThis cannot be undone. Purge it on ${data.instance.name}?`, { kind: 'status.purge' })}
        >
          Purge post
        </Button>
      ) : null}
      {has('status.purge') ? <PermanenceMark p={permanenceOf({ kind: 'status.purge' }, caps)} /> : null}
    </div>
  );
}
