import type { RuleStats, RuleView } from '@/lib/holding/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ScrollCard } from '@/components/ui/scroll-card';
import { LEVEL_LABEL, thresholdText } from './labels';

export interface InstanceOption { id: string; name: string; kind: string }

const STATS: { key: keyof RuleStats; label: string }[] = [
  { key: 'hits', label: 'Hits' },
  { key: 'holds', label: 'Holds' },
  { key: 'wouldHold', label: 'Would have held' },
  { key: 'confirmations', label: 'Confirmed' },
  { key: 'reversals', label: 'Reversed' },
  { key: 'pending', label: 'Pending' },
  { key: 'overdue', label: 'Overdue' },
];

export function instanceNames(ids: string[], options: InstanceOption[]): string {
  if (ids.length === 0) return 'All instances';
  const byId = new Map(options.map((o) => [o.id, o.name]));
  return ids.map((id) => byId.get(id) ?? 'an instance you cannot see').join(', ');
}

/** Every rule with what it did: hits, holds, dry-run records, and how people decided. */
export function RulesTable({ rules, instances, canEdit, onEdit, onDelete }: {
  rules: RuleView[];
  instances: InstanceOption[];
  canEdit: boolean;
  onEdit?: (rule: RuleView) => void;
  onDelete?: (rule: RuleView) => void;
}) {
  if (rules.length === 0) return <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">No rule yet.{canEdit ? ' Add one below; new rules start in dry run.' : ''}</p>;
  return (
    <ScrollCard label="Hold rules">
      <table className="w-full text-sm">
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Rule</th>
            <th scope="col" className="px-3 py-2">Fires on</th>
            {STATS.map((s) => <th key={s.key} scope="col" className="px-2 py-2 text-right">{s.label}</th>)}
            {canEdit ? <th scope="col" className="px-3 py-2"><span className="sr-only">Change</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-testid="rule-row" data-rule-name={r.name} className="border-b border-line align-top last:border-0">
              <td className="px-3 py-2">
                <div className="font-medium break-words">{r.name}</div>
                <div className="mt-1 flex flex-wrap gap-1">
                  {r.mode === 'dry_run' ? <Badge tone="info">Dry run</Badge> : <Badge tone="danger">Live</Badge>}
                  {!r.enabled ? <Badge>Off</Badge> : null}
                  <Badge>{LEVEL_LABEL[r.level]}{r.allowSuspend && r.level !== 'suspend' ? ', may suspend' : ''}</Badge>
                </div>
              </td>
              <td className="min-w-[12rem] px-3 py-2">
                <div>{thresholdText(r)}</div>
                <div className="text-xs text-muted">{instanceNames(r.instanceIds, instances)} · review within {r.reviewMinutes} min</div>
              </td>
              {STATS.map((s) => (
                <td key={s.key} data-testid={`rule-stat-${s.key}`} className={`px-2 py-2 text-right tabular-nums ${s.key === 'overdue' && r.stats.overdue > 0 ? 'font-semibold text-danger' : ''}`}>{r.stats[s.key]}</td>
              ))}
              {canEdit ? (
                <td className="px-3 py-2">
                  <div className="flex gap-1">
                    <Button type="button" variant="ghost" onClick={() => onEdit?.(r)} aria-label={`Edit rule ${r.name}`}>Edit</Button>
                    <Button type="button" variant="ghost" className="text-danger" onClick={() => onDelete?.(r)} aria-label={`Delete rule ${r.name}`}>Delete</Button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
