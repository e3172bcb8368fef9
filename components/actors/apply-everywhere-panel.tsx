'use client';
/**
 * "Apply everywhere": choose the action, see which instances it will reach and which are skipped (and why)
 * before confirming, then follow each instance's action until it is done or failed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, Textarea } from '@/components/ui/field';
import type { ActionProgress, ApplyEverywhereResult } from '@/lib/actors/types';
import { applyCall, fetchProgress, type ApplyTarget } from './actors-api';
import { choiceWords, toApplyAction, type ApplyForm, type Choice } from './apply-choice';
import { ApplyResults } from './apply-results';

const FOLLOW_MS = 2_000;

export function ApplyEverywherePanel({ target, domain, label, refreshKey }: {
  target: ApplyTarget;
  /** The domain a block would apply to (the account's own domain on an account page). */
  domain: string;
  /** The subject in words ("alice@example.social"). */
  label: string;
  /** Query key of the page's data, refreshed once every action has finished. */
  refreshKey: readonly unknown[];
}) {
  const id = useId();
  const client = useQueryClient();
  const [form, setForm] = useState<ApplyForm>({ choice: target.type === 'domain' ? 'block' : 'suspend', severity: 'suspend', rejectMedia: false, text: '' });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<ApplyEverywhereResult | null>(null);
  const action = toApplyAction(form);
  // A block is about the domain whichever page asks for it.
  const effective: ApplyTarget = form.choice === 'block' ? { type: 'domain', domain } : target;
  // The note does not change who is reached: typing it must not ask the server again.
  const reachAction = toApplyAction({ ...form, text: '' });
  const preview = useQuery({
    queryKey: ['apply-preview', effective, reachAction],
    queryFn: () => applyCall(effective, reachAction, true),
    staleTime: 5_000,
  });
  const actionIds = (sent?.results ?? []).flatMap((r) => (r.actionId ? [r.actionId] : []));
  const progress = useQuery({
    queryKey: ['apply-progress', actionIds],
    queryFn: () => fetchProgress(effective, actionIds),
    enabled: actionIds.length > 0,
    refetchInterval: (q) => (q.state.data && q.state.data.every((p) => p.status === 'done' || p.status === 'failed' || p.status === 'cancelled') ? false : FOLLOW_MS),
  });
  const finished = (progress.data?.length ?? 0) > 0 && progress.data!.every((p) => p.status !== 'pending' && p.status !== 'running');
  // Once per request: the page's states change when the last action lands.
  const refreshed = useRef<string | null>(null);
  const batch = actionIds.join(',');
  useEffect(() => {
    if (!finished || refreshed.current === batch) return;
    refreshed.current = batch;
    void client.invalidateQueries({ queryKey: refreshKey });
    void client.invalidateQueries({ queryKey: ['account-states'] });
  }, [finished, batch, client, refreshKey]);

  const reach = preview.data?.results.filter((r) => r.outcome === 'queued') ?? [];
  const words = choiceWords(form, label, domain);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const out = await applyCall(effective, action, false);
      setSent(out);
      setConfirming(false);
      void client.invalidateQueries({ queryKey: ['apply-preview'] });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  }

  const set = <K extends keyof ApplyForm>(k: K, v: ApplyForm[K]) => { setForm((f) => ({ ...f, [k]: v })); setSent(null); };
  const progressMap = new Map<string, ActionProgress>((progress.data ?? []).map((p) => [p.id, p]));

  return (
    <Card className="space-y-3" aria-labelledby={`${id}-title`} role="region">
      <h2 id={`${id}-title`} className="text-sm font-semibold">Apply everywhere</h2>
      <fieldset className="space-y-1.5">
        <legend className="mb-1 text-sm font-medium">What to do on every instance that can</legend>
        {target.type === 'account'
          ? ([['suspend', 'Suspend the account'], ['silence', 'Limit the account']] as [Choice, string][]).map(([v, text]) => (
              <label key={v} className="flex items-center gap-2 text-sm">
                <input type="radio" name={`${id}-choice`} value={v} checked={form.choice === v} onChange={() => set('choice', v)} />
                {text}
              </label>
            ))
          : null}
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${id}-choice`} value="block" checked={form.choice === 'block'} onChange={() => set('choice', 'block')} />
          Block the domain <span className="break-all font-medium">{domain}</span>
        </label>
      </fieldset>
      {form.choice === 'block' ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <Field label="Severity">
            <Select value={form.severity} onChange={(e) => set('severity', e.target.value === 'silence' ? 'silence' : 'suspend')}>
              <option value="suspend">Block fully (suspend)</option>
              <option value="silence">Limit (silence)</option>
            </Select>
          </Field>
          <label className="flex items-center gap-2 self-end pb-1.5 text-sm">
            <input type="checkbox" checked={form.rejectMedia} onChange={(e) => set('rejectMedia', e.target.checked)} />
            Also reject its media
          </label>
        </div>
      ) : null}
      <Field label={form.choice === 'block' ? 'Private comment (optional)' : 'Note to the servers (optional)'} hint="Kept on each server with the action where the server stores one.">
        <Textarea rows={2} maxLength={5000} value={form.text} onChange={(e) => set('text', e.target.value)} />
      </Field>

      <div aria-live="polite" className="space-y-2">
        {preview.isPending ? <p className="text-sm text-muted">Checking which instances can…</p> : null}
        {preview.isError ? <p role="alert" className="text-sm text-danger">{preview.error.message}</p> : null}
        {preview.data && !sent ? (
          <>
            <p className="text-sm">
              {reach.length === 0 ? 'No instance can take this action:' : `Will reach ${reach.length} instance${reach.length === 1 ? '' : 's'}:`}
            </p>
            <ApplyResults results={preview.data.results} testId="apply-preview" />
          </>
        ) : null}
      </div>

      {!sent ? (
        <Button type="button" variant="danger" data-testid="apply-everywhere" disabled={reach.length === 0 || busy} onClick={() => setConfirming(true)}>
          {words} everywhere…
        </Button>
      ) : null}

      <div aria-live="polite">
        {sent ? (
          <div className="space-y-2">
            <p className="text-sm font-medium">{words}: {sent.results.filter((r) => r.outcome === 'queued').length} queued</p>
            <ApplyResults results={sent.results} progress={progressMap} testId="apply-results" />
            <Button type="button" variant="ghost" onClick={() => setSent(null)}>Done</Button>
          </div>
        ) : null}
      </div>

      <ConfirmApply open={confirming} words={words} count={reach.length} names={reach.map((r) => r.name)} busy={busy} error={error} onClose={() => setConfirming(false)} onConfirm={() => void confirm()} />
    </Card>
  );
}

function ConfirmApply({ open, words, count, names, busy, error, onClose, onConfirm }: {
  open: boolean; words: string; count: number; names: string[]; busy: boolean; error: string | null; onClose: () => void; onConfirm: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} onClose={onClose} data-testid="apply-confirm-dialog" aria-labelledby={`${id}-t`} className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/30">
      <h2 id={`${id}-t`} className="mb-2 text-base font-semibold">{words} on {count} instance{count === 1 ? '' : 's'}?</h2>
      <p className="mb-2 text-sm">One action is sent to each of: <span className="font-medium">{names.join(', ')}</span>.</p>
      <p className="mb-3 text-sm text-muted">Each is recorded in the audit log and can be followed here.</p>
      {error ? <p role="alert" className="mb-2 text-sm text-danger">{error}</p> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onClose}>Cancel</Button>
        <Button type="button" variant="danger" data-testid="apply-confirm" disabled={busy} onClick={onConfirm} autoFocus>{busy ? 'Sending…' : 'Confirm'}</Button>
      </div>
    </dialog>
  );
}
