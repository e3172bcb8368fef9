/**
 * When the team chose automatic retraction: after a source fetch that changed entries, list-made blocks that no
 * source (or policy) wants any more are removed without asking, as an application of kind 'auto_retract' by the
 * system actor, through the outbox and undoable like any other. Only 'remove' lines: additions always wait for a
 * person. Hand-made blocks are never in those lines. A retraction too large to be plausible waits for a person
 * (retraction-guard.ts).
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { instanceDiffs } from './instance-diffs';
import { loadMerged } from './load-merged';
import { heldRetractions, type RetractionLoad } from './retraction-guard';
import { writeApplication, type PlannedChange } from './write-application';

const SYSTEM: Actor = { type: 'system', label: 'blocklists' };

export async function autoRetractIfEnabled(): Promise<string | null> {
  const { policy, merged } = await loadMerged();
  if (!policy.autoRetract) return null;
  const diffs = await instanceDiffs(SYSTEM, merged.blocks);
  // A removal still on its way (an earlier fetch's retraction) is not asked for twice.
  const inFlight = new Set((await db.blocklistChange.findMany({ where: { state: 'queued' }, select: { instanceId: true, domain: true } })).map((c) => `${c.instanceId} ${c.domain}`));
  const changes: PlannedChange[] = [];
  const names = new Map<string, string>();
  const loads: RetractionLoad[] = [];
  for (const d of diffs) {
    if (!d.supported) continue;
    let removals = 0;
    for (const l of d.lines) {
      if (l.op !== 'remove' || inFlight.has(`${d.instanceId} ${l.domain}`)) continue;
      names.set(d.instanceId, d.name);
      changes.push({ instanceId: d.instanceId, domain: l.domain, op: 'remove', before: l.before, after: null, sourceIds: l.sourceIds });
      removals++;
    }
    if (removals > 0) loads.push({ instanceId: d.instanceId, name: d.name, removals, listMade: await db.instanceDomainBlock.count({ where: { instanceId: d.instanceId, origin: 'list' } }) });
  }
  if (changes.length === 0) return null;
  const held = heldRetractions(loads);
  if (held.length > 0) {
    // Audited so the team sees why nothing happened; the removals stay in the preview for a person to apply.
    await db.$transaction((tx) => recordEvent(tx, {
      actor: SYSTEM, action: 'blocklist.auto_retract.held', targetType: 'blocklist_policy', targetId: null,
      details: { removals: changes.length, instances: held.map((h) => ({ name: h.name, removals: h.removals, listMade: h.listMade })) },
    }));
    return null;
  }
  const { applicationId } = await writeApplication({ actor: SYSTEM, kind: 'auto_retract', changes, instanceNames: names, auditAction: 'blocklist.auto_retracted' });
  return applicationId;
}
