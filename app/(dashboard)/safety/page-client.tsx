'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import type { HoldView, RuleView } from '@/lib/holding/types';
import { requestJson } from '@/components/api/request';
import { sendJson } from '@/components/auth/send-json';
import { ConfirmDialog } from '@/components/blocklists/confirm-dialog';
import { PendingHolds } from '@/components/safety/pending-holds';
import { RuleForm } from '@/components/safety/rule-form';
import { RulesTable, type InstanceOption } from '@/components/safety/rules-table';
import { WouldHoldList } from '@/components/safety/would-hold-list';
import { Card } from '@/components/ui/card';

interface Initial { rules: RuleView[]; pending: HoldView[]; dryRun: HoldView[] }

export function SafetyClient({ initial, instances, can }: { initial: Initial; instances: InstanceOption[]; can: { edit: boolean; decide: boolean } }) {
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: ['safety', 'rules'], queryFn: async () => (await requestJson<{ rules: RuleView[] }>('/api/holding/rules')).rules, initialData: initial.rules, refetchInterval: 30_000 });
  const pending = useQuery({ queryKey: ['safety', 'holds', 'pending'], queryFn: async () => (await requestJson<{ holds: HoldView[] }>('/api/holding/holds?view=pending')).holds, initialData: initial.pending, refetchInterval: 15_000 });
  const dryRun = useQuery({ queryKey: ['safety', 'holds', 'dry_run'], queryFn: async () => (await requestJson<{ holds: HoldView[] }>('/api/holding/holds?view=dry_run')).holds, initialData: initial.dryRun, refetchInterval: 30_000 });
  const [editing, setEditing] = useState<RuleView | null>(null);
  const [removing, setRemoving] = useState<RuleView | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const refresh = () => void qc.invalidateQueries({ queryKey: ['safety'] });
  const saved = (text: string) => { setStatus(text); setEditing(null); refresh(); };

  async function remove() {
    if (!removing) return;
    setBusy(true);
    const res = await sendJson(`/api/holding/rules/${removing.id}`, 'DELETE', undefined, z.unknown());
    setBusy(false);
    setStatus(res.ok ? `Deleted rule ${removing.name}.` : res.message);
    setRemoving(null);
    if (res.ok) refresh();
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="pending-h" className="space-y-2">
        <h2 id="pending-h" className="text-base font-semibold">Waiting for a decision ({pending.data.length})</h2>
        <PendingHolds holds={pending.data} canDecide={can.decide} onDecided={refresh} />
      </section>
      <section aria-labelledby="rules-h" className="space-y-2">
        <h2 id="rules-h" className="text-base font-semibold">Rules</h2>
        <p role="status" aria-live="polite" className="text-sm">{status}</p>
        {rules.error ? <p role="alert" className="text-sm text-danger">{rules.error.message}</p> : null}
        <RulesTable rules={rules.data} instances={instances} canEdit={can.edit} onEdit={setEditing} onDelete={setRemoving} />
        {can.edit ? (
          <Card>
            {editing ? (
              <RuleForm key={editing.id} rule={editing} instances={instances} onSaved={saved} onCancel={() => setEditing(null)} />
            ) : (
              <RuleForm key="new" instances={instances} onSaved={saved} />
            )}
          </Card>
        ) : null}
      </section>
      <section aria-labelledby="dry-h" className="space-y-2">
        <h2 id="dry-h" className="text-base font-semibold">What dry-run rules would have held</h2>
        <WouldHoldList holds={dryRun.data} />
      </section>
      <ConfirmDialog open={removing !== null} title="Delete this rule?" confirmLabel="Delete rule" confirmTestId="rule-delete-confirm" busy={busy} danger onConfirm={() => void remove()} onCancel={() => setRemoving(null)}>
        <p>The rule {removing?.name} stops firing on new items. Deleting is recorded in the audit log.</p>
      </ConfirmDialog>
    </div>
  );
}
