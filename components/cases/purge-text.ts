/**
 * How purge facts read to a moderator: an option's reach, a step's state, a receipt's verdict, the cases list's
 * Purge column, and what the confirmation must ask. Pure (no React), so the wording and the safety rules are
 * unit-tested and the same on every screen.
 */
import type { CaseListItem } from '@/lib/cases/types';
import type { PlannedOption, PurgeChoice, PurgePlan, PurgeRunView, PurgeStepState, ReceiptVerdict } from '@/lib/purge/types';

export type Reach = PlannedOption['reach'];

export const REACH_TEXT: Record<Reach, string> = {
  item: 'only this post',
  account: 'everything this account posted here',
  domain: 'the whole domain',
  cache: "the server's whole media cache",
};

/** Reach beyond the item is what a moderator must not miss: it removes other people's or other posts' content. */
export const reachesBeyondItem = (reach: Reach) => reach !== 'item';

export const STEP_STATE_TEXT: Record<PurgeStepState, string> = {
  waiting: 'Waiting', needs_admin: 'Needs an admin', queued: 'Sending', done: 'Done', failed: 'Failed', skipped: 'Skipped',
};
export const STEP_STATE_TONE: Record<PurgeStepState, 'neutral' | 'info' | 'warn' | 'ok' | 'danger'> = {
  waiting: 'neutral', needs_admin: 'warn', queued: 'info', done: 'ok', failed: 'danger', skipped: 'neutral',
};

export const PHASE_TEXT: Record<PurgeRunView['instances'][number]['phase'], string> = {
  waiting_admin: 'Waiting for an admin', removing: 'Removing', checking: 'Checking', rechecking: 'Checking again', done: 'Done', failed: 'Failed',
};

/** Verdicts carry a symbol as well as a color (never color alone). */
export const VERDICT: Record<ReceiptVerdict, { text: string; icon: string; tone: 'ok' | 'danger' | 'neutral' | 'info' }> = {
  removed: { text: 'Removed', icon: '✓', tone: 'ok' },
  still_served: { text: 'Still served', icon: '✕', tone: 'danger' },
  cannot_verify: { text: 'Cannot verify', icon: '?', tone: 'neutral' },
  accepted: { text: 'Accepted as is', icon: '•', tone: 'info' },
};

/** A copy may be accepted as is only where a removal could not be confirmed. */
export const canAcceptVerdict = (v: ReceiptVerdict | null) => v === 'still_served' || v === 'cannot_verify';

/** The cases list's Purge column: "Purged", "N of M removed", "N still served", or "—" before any purge. */
export function purgeColumnText(c: Pick<CaseListItem, 'state' | 'copyCount' | 'removedCount' | 'stillServedCount'>): string {
  if (c.state === 'purged') return 'Purged';
  if (c.stillServedCount > 0) return `${c.stillServedCount} still served`;
  if (c.removedCount > 0 || c.state === 'purging') return `${c.removedCount} of ${c.copyCount} removed`;
  return '—';
}

export const shortHash = (h: string) => `${h.slice(0, 12)}…`;

export interface ChosenRow {
  instanceName: string;
  option: PlannedOption;
}

/** The options the moderator is about to run, instance by instance (left-out instances and blocked ones dropped). */
export function chosenRows(plan: PurgePlan, choices: ReadonlyMap<string, string>): ChosenRow[] {
  const out: ChosenRow[] = [];
  for (const p of plan.instances) {
    const id = choices.get(p.instance.id) ?? p.defaultOptionId;
    if (!id || id === 'skip') continue;
    const option = p.options.find((o) => o.id === id && o.unavailable === null);
    if (option) out.push({ instanceName: p.instance.name, option });
  }
  return out;
}

/** What the confirmation dialog must say, and whether the moderator must type "purge" to go on. */
export function confirmSummary(rows: readonly ChosenRow[]) {
  const irreversible = rows.filter((r) => !r.option.reversible);
  const wide = rows.filter((r) => reachesBeyondItem(r.option.reach));
  const adminSteps = rows.reduce((n, r) => n + r.option.steps.filter((s) => s.needsAdmin).length, 0);
  const keepsFile = rows.filter((r) => !r.option.removesFile);
  return { irreversible, wide, adminSteps, keepsFile, needsTyped: wide.length > 0 };
}

export const TYPED_CONFIRMATION = 'purge';

/** The POST body: every planned instance once, either an available option or 'skip'. */
export function toChoices(plan: PurgePlan, choices: ReadonlyMap<string, string>): PurgeChoice[] {
  return plan.instances.map((p) => {
    const id = choices.get(p.instance.id) ?? p.defaultOptionId;
    const ok = id !== null && id !== 'skip' && p.options.some((o) => o.id === id && o.unavailable === null);
    return { instanceId: p.instance.id, optionId: ok ? id : 'skip' };
  });
}
