/**
 * When the team chose automatic retraction: after a source fetch that changed entries, list-made blocks that no
 * source (or policy) wants any more are removed without asking, as an application of kind 'auto_retract' by the
 * system actor, through the outbox and undoable like any other. Only 'remove' lines: additions always wait for a
 * person. Hand-made blocks are never in those lines.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { instanceDiffs } from './instance-diffs';
import { loadMerged } from './load-merged';
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
  for (const d of diffs) {
    if (!d.supported) continue;
    for (const l of d.lines) {
      if (l.op !== 'remove' || inFlight.has(`${d.instanceId} ${l.domain}`)) continue;
      names.set(d.instanceId, d.name);
      changes.push({ instanceId: d.instanceId, domain: l.domain, op: 'remove', before: l.before, after: null, sourceIds: l.sourceIds });
    }
  }
  if (changes.length === 0) return null;
  const { applicationId } = await writeApplication({ actor: SYSTEM, kind: 'auto_retract', changes, instanceNames: names, auditAction: 'blocklist.auto_retracted' });
  return applicationId;
}
