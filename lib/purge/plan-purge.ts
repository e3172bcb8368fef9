/**
 * Pure: the purge plan of one case, from its copies (with the instance's own ids), the instances, their kinds'
 * declared purge options and the copy lookups. Nothing runs from here; start-purge.ts rebuilds this plan from the
 * database and only takes option ids from the moderator, so a client can never smuggle in a payload.
 */
import { ADMIN_ONLY_ACTIONS } from '@/lib/auth/policy';
import type { Capabilities, PurgeOption, PurgeStepRef } from '@/lib/connectors/types';
import { buildStep, type StepRefs } from './build-step';
import type { PlannedInstance, PlannedOption, PlannedStep, PurgePlan } from './types';

export interface PlanCopy extends StepRefs {
  id: string;
  instanceId: string;
  state: string;
  receiptVerdict: string | null;
}

export interface PlanInstance { id: string; name: string; kind: string; baseUrl: string; domain: string }
export interface PlanLookup { instanceId: string; status: string; detail: string | null }

export interface PlanInput {
  caseId: string;
  copies: PlanCopy[];
  instances: PlanInstance[];
  lookups: PlanLookup[];
  capabilitiesOf: (kind: string) => Capabilities | undefined;
  sealsFirst: boolean;
}

/** A copy the purge still has to remove: not gone already, not accepted as is. */
export function isTarget(c: Pick<PlanCopy, 'state' | 'receiptVerdict'>): boolean {
  return c.state !== 'removed' && c.receiptVerdict !== 'removed' && c.receiptVerdict !== 'accepted';
}

export function planPurge(input: PlanInput): PurgePlan {
  const byInstance = new Map<string, PlanCopy[]>();
  for (const c of input.copies) {
    if (!isTarget(c)) continue;
    byInstance.set(c.instanceId, [...(byInstance.get(c.instanceId) ?? []), c]);
  }
  const instances: PlannedInstance[] = [];
  for (const inst of input.instances) {
    const copies = byInstance.get(inst.id);
    if (!copies?.length) continue;
    instances.push(planInstance(inst, copies, input.capabilitiesOf(inst.kind)));
  }
  const unchecked = input.instances
    .filter((i) => !byInstance.has(i.id))
    .flatMap((i) => {
      const l = input.lookups.find((x) => x.instanceId === i.id);
      if (!l || (l.status !== 'cannot_check' && l.status !== 'error')) return [];
      const reason = l.detail ?? (l.status === 'error' ? 'The copy lookup failed.' : 'This server cannot be checked for copies.');
      return [{ instance: { id: i.id, name: i.name, kind: i.kind }, reason }];
    });
  return { caseId: input.caseId, instances, unchecked, sealsFirst: input.sealsFirst };
}

function planInstance(inst: PlanInstance, copies: PlanCopy[], caps: Capabilities | undefined): PlannedInstance {
  const head = { instance: { id: inst.id, name: inst.name, kind: inst.kind, baseUrl: inst.baseUrl }, copyIds: copies.map((c) => c.id) };
  const declared = caps?.purge ?? [];
  if (declared.length === 0) {
    return { ...head, options: [], defaultOptionId: null, blocked: `The ${inst.kind} connector offers no way to remove a copy.` };
  }
  const options = declared.map((o) => planOption(o, inst, copies, caps!));
  const first = options.find((o) => o.unavailable === null) ?? null;
  const blocked = first ? null : options.map((o) => `${o.label}: ${o.unavailable}`).join(' ');
  return { ...head, options, defaultOptionId: first?.id ?? null, blocked };
}

/**
 * One step per distinct payload, in the option's step order: two copies by one account on one instance share one
 * suspension. A step whose references a copy lacks is left out for that copy (a Misskey copy known only by its
 * file gets the file deletion alone); a copy no step can reach makes the whole option unavailable.
 */
function planOption(o: PurgeOption, inst: PlanInstance, copies: PlanCopy[], caps: Capabilities): PlannedOption {
  const head = { id: o.id, label: o.label, reach: o.reach, reversible: o.reversible, removesFile: o.removesFile, note: o.note };
  const missingKind = o.steps.find((s) => !caps.actions.includes(s.action.kind));
  if (missingKind) return { ...head, steps: [], unavailable: `This connector cannot send ${missingKind.action.kind} yet.` };
  const steps: PlannedStep[] = [];
  const why: string[] = [];
  for (const c of copies) {
    let covered = false;
    const lacks: string[] = [];
    for (let i = 0; i < o.steps.length; i++) {
      const built = buildStep(o.steps[i], c, inst, caps);
      if ('missing' in built) { lacks.push(built.reason ?? MISSING[built.missing]); continue; }
      covered = true;
      const key = `${i}|${JSON.stringify(built.payload)}`;
      const same = steps.find((s) => (s as KeyedStep).key === key);
      if (same) { same.copyIds.push(c.id); continue; }
      const step: KeyedStep = { kind: built.payload.kind, payload: built.payload, copyIds: [c.id], needsAdmin: ADMIN_ONLY_ACTIONS.includes(built.payload.kind), label: built.label, key, order: i };
      steps.push(step);
    }
    if (!covered) why.push(lacks[0] ?? MISSING.none);
  }
  if (why.length > 0) return { ...head, steps: [], unavailable: [...new Set(why)].join(' ') };
  const ordered = (steps as KeyedStep[]).sort((a, b) => a.order - b.order).map(({ key: _k, order: _o, ...s }) => s);
  return { ...head, steps: ordered, unavailable: null };
}

type KeyedStep = PlannedStep & { key: string; order: number };

const MISSING: Record<PurgeStepRef, string> = {
  post: 'A copy has no post id on this server.',
  media: 'A copy has no file id on this server.',
  media_url: 'A copy has no file URL on this server.',
  account: 'The posting account is not known on this server.',
  account_host: "The posting account's domain is not known, or it is this server's own.",
  none: 'Not possible here.',
};
