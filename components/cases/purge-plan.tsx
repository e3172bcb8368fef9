'use client';

/** The whole plan before anything runs: one row per instance, the instances that cannot be checked, and "Review". */
import type { PurgePlan } from '@/lib/purge/types';
import { Button } from '@/components/ui/button';
import { PurgePlanRow, SKIP } from './purge-plan-row';
import { chosenRows } from './purge-text';

export function PurgePlanView({ plan, choices, onChoose, onReview, onClose, busy }: {
  plan: PurgePlan;
  choices: ReadonlyMap<string, string>;
  onChoose: (instanceId: string, optionId: string) => void;
  onReview: () => void;
  onClose: () => void;
  busy: boolean;
}) {
  const rows = chosenRows(plan, choices);
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">Plan: remove every copy</h3>
      <p className="text-sm">
        {plan.sealsFirst ? 'Evidence will be sealed first, before anything is removed.' : 'Evidence is already sealed for every copy in this plan.'}
      </p>
      {plan.instances.length === 0 ? <p className="text-sm text-muted">No copy is left to remove.</p> : (
        <ul aria-label="Plan per instance">
          {plan.instances.map((p) => (
            <PurgePlanRow key={p.instance.id} p={p} chosen={choices.get(p.instance.id) ?? p.defaultOptionId ?? SKIP} onChoose={(id) => onChoose(p.instance.id, id)} disabled={busy} />
          ))}
        </ul>
      )}
      {plan.unchecked.length > 0 ? (
        <div className="text-sm">
          <h4 className="font-medium">Instances that cannot be checked</h4>
          <ul className="list-disc pl-5 text-muted">
            {plan.unchecked.map((u) => <li key={u.instance.id}>{u.instance.name} ({u.instance.kind}): cannot check: {u.reason}</li>)}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="primary" data-testid="purge-review" onClick={onReview} disabled={busy || rows.length === 0}>Review…</Button>
        <Button type="button" variant="ghost" onClick={onClose}>Not now</Button>
      </div>
    </div>
  );
}
