'use client';

/**
 * One instance of the purge plan: what each option does there, with the risky facts spelled out (reach beyond the
 * item, whether it can be undone, files that stay served, steps only an admin may approve). "Leave out" is always
 * offered so a moderator can purge the rest and decide this instance later.
 */
import { useId } from 'react';
import type { PlannedInstance } from '@/lib/purge/types';
import { Badge } from '@/components/ui/badge';
import { Select } from '@/components/ui/field';
import { plural } from './case-text';
import { REACH_TEXT, reachesBeyondItem } from './purge-text';

export const SKIP = 'skip';

export function PurgePlanRow({ p, chosen, onChoose, disabled }: { p: PlannedInstance; chosen: string; onChoose: (optionId: string) => void; disabled: boolean }) {
  const selectId = useId();
  const option = p.options.find((o) => o.id === chosen && o.unavailable === null) ?? null;
  return (
    <li data-testid="purge-plan-row" data-instance={p.instance.name} className="space-y-2 border-b border-line py-3 last:border-0">
      <div className="flex flex-wrap items-baseline gap-2">
        <h4 className="font-semibold">{p.instance.name}</h4>
        <span className="text-xs text-muted">{p.instance.kind} · {plural(p.copyIds.length, 'copy', 'copies')}</span>
      </div>
      {p.blocked ? <p className="text-sm text-muted">Nothing can be removed here: {p.blocked}</p> : null}
      <div className="space-y-1">
        <label htmlFor={selectId} className="block text-sm font-medium">What to do on {p.instance.name}</label>
        <Select id={selectId} data-testid="purge-option" value={option ? option.id : SKIP} onChange={(e) => onChoose(e.target.value)} disabled={disabled}>
          {p.options.map((o) => (
            <option key={o.id} value={o.id} disabled={o.unavailable !== null}>
              {o.label}{o.unavailable !== null ? ` (unavailable: ${o.unavailable})` : ''}
            </option>
          ))}
          <option value={SKIP}>Leave out: do nothing on this instance</option>
        </Select>
      </div>
      {option ? (
        <div className="space-y-1.5 text-sm">
          <p className="flex flex-wrap items-center gap-1.5">
            {reachesBeyondItem(option.reach) ? (
              <Badge tone="danger"><span aria-hidden="true">⚠&nbsp;</span>Reaches {REACH_TEXT[option.reach]}</Badge>
            ) : (
              <Badge tone="neutral">Reaches {REACH_TEXT[option.reach]}</Badge>
            )}
            {option.reversible ? <Badge tone="neutral">Can be undone</Badge> : <Badge tone="warn"><span aria-hidden="true">!&nbsp;</span>Cannot be undone</Badge>}
          </p>
          {!option.removesFile ? (
            <p className="rounded border border-warn/40 bg-warn-soft px-2 py-1 text-warn">
              <span aria-hidden="true">⚠ </span>Files stay served: this option does not make the server stop serving the file.
            </p>
          ) : null}
          {option.note ? <p className="text-muted">{option.note}</p> : null}
          <ol className="list-decimal space-y-0.5 pl-5 [overflow-wrap:anywhere]" aria-label={`Steps on ${p.instance.name}`}>
            {option.steps.map((s, i) => (
              <li key={i}>
                {s.label}
                {s.needsAdmin ? <> <Badge tone="warn">admin</Badge><span className="sr-only"> (needs an admin&apos;s approval)</span></> : null}
              </li>
            ))}
          </ol>
        </div>
      ) : !p.blocked ? (
        <p className="text-sm text-muted">Left out: nothing will be sent to this instance.</p>
      ) : null}
    </li>
  );
}
