/**
 * What applying the merged list would change on one instance, against its block mirror, in the terms its server
 * kind can express. Pure. Only list-made blocks are ever raised, lowered, updated or removed; a block made by hand
 * (or found on the server) is left as it is, and a change the kind cannot make is shown as unsupported, not sent.
 * Comments are not compared: rewording a list must not churn every server.
 */
import type { BlocklistCapability, DomainBlockTarget, ServerKind } from '@/lib/connectors/types';
import {
  APPLY_OPS, SEVERITY_RANK, type CurrentBlock, type DiffLine, type DiffOp, type InstanceDiff, type MergedBlock,
} from '@/lib/blocklists/types';

const OP_ORDER: DiffOp[] = [...APPLY_OPS, 'unsupported', 'kept_hand'];
export const KEPT_HAND_NOTE = 'blocked by hand here; left as it is';
export const RETRACT_NOTE = 'no longer on the merged list (every source dropped it, or it is allowlisted or one of ours)';

const byDomain = (a: { domain: string }, b: { domain: string }) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0);

// The same merged map is diffed against every instance: sort it once, so each instance's lines come out in order
// without sorting hundreds of thousands of lines per instance.
const sortedCache = new WeakMap<Map<string, MergedBlock>, MergedBlock[]>();
function sortedDesired(desired: Map<string, MergedBlock>): MergedBlock[] {
  const hit = sortedCache.get(desired);
  if (hit && hit.length === desired.size) return hit;
  const sorted = [...desired.values()].sort(byDomain);
  sortedCache.set(desired, sorted);
  return sorted;
}

export function emptyCounts(): Record<DiffOp, number> {
  return { add: 0, raise: 0, lower: 0, update: 0, remove: 0, unsupported: 0, kept_hand: 0 };
}

/** The block as this kind would hold it, or (a string) why it cannot. */
export function adaptTarget(block: MergedBlock, cap: BlocklistCapability): DomainBlockTarget | string {
  if (!cap.severities.includes(block.severity)) return cannotNote(block.severity, cap);
  return {
    severity: block.severity,
    rejectMedia: block.rejectMedia && cap.flags.includes('rejectMedia'),
    rejectReports: block.rejectReports && cap.flags.includes('rejectReports'),
    publicComment: cap.publicComment ? block.publicComment : null,
    obfuscate: cap.obfuscate && block.obfuscate,
  };
}

// One note string per capability and severity: a big list repeats it on thousands of lines.
const noteCache = new WeakMap<BlocklistCapability, Map<string, string>>();
function cannotNote(severity: MergedBlock['severity'], cap: BlocklistCapability): string {
  let notes = noteCache.get(cap);
  if (!notes) noteCache.set(cap, (notes = new Map()));
  let note = notes.get(severity);
  if (!note) {
    const what = severity === 'noop' ? 'reject media or reports alone for' : severity;
    note = `this server cannot ${what} a domain (it has: ${cap.severities.join(', ')}); nothing is sent`;
    notes.set(severity, note);
  }
  return note;
}

function sameFlags(target: DomainBlockTarget, current: CurrentBlock, cap: BlocklistCapability): boolean {
  return (!cap.flags.includes('rejectMedia') || target.rejectMedia === current.rejectMedia)
    && (!cap.flags.includes('rejectReports') || target.rejectReports === current.rejectReports)
    && (!cap.obfuscate || target.obfuscate === current.obfuscate);
}

function line(block: MergedBlock, op: DiffOp, before: CurrentBlock | null, after: DomainBlockTarget | null, note?: string): DiffLine {
  return note === undefined
    ? { domain: block.domain, op, before, after, sourceIds: block.sourceIds }
    : { domain: block.domain, op, before, after, sourceIds: block.sourceIds, note };
}

function desiredLine(block: MergedBlock, current: CurrentBlock | undefined, cap: BlocklistCapability): DiffLine | null {
  if (current?.origin === 'hand') return line(block, 'kept_hand', current, null, KEPT_HAND_NOTE);
  const target = adaptTarget(block, cap);
  if (typeof target === 'string') return line(block, 'unsupported', current ?? null, null, target);
  if (!current) return line(block, 'add', null, target);
  const rankNow = SEVERITY_RANK[current.severity];
  const rankWanted = SEVERITY_RANK[target.severity];
  if (rankNow === rankWanted && sameFlags(target, current, cap)) return null;
  const op: DiffOp = rankWanted > rankNow ? 'raise' : rankWanted < rankNow ? 'lower' : 'update';
  if (!cap.canUpdate) return line(block, 'unsupported', current, null, `this server cannot change a block in place (wanted: ${op} to ${target.severity}); left as it is`);
  return line(block, op, current, target);
}

export function diffInstance(input: {
  instance: { id: string; name: string; kind: ServerKind };
  capability: BlocklistCapability | undefined;
  unsupportedNote: string;
  current: CurrentBlock[];
  desired: Map<string, MergedBlock>;
}): InstanceDiff {
  const { instance, capability: cap } = input;
  const counts = emptyCounts();
  if (!cap) {
    return { instanceId: instance.id, name: instance.name, kind: instance.kind, supported: false, note: input.unsupportedNote, lines: [], counts };
  }
  const current = new Map<string, CurrentBlock>();
  for (const block of input.current) current.set(block.domain, block);
  const byOp = new Map<DiffOp, DiffLine[]>(OP_ORDER.map((op) => [op, []]));
  for (const block of sortedDesired(input.desired)) {
    const line = desiredLine(block, current.get(block.domain), cap);
    if (line) byOp.get(line.op)!.push(line);
  }
  const removals = byOp.get('remove')!;
  for (const block of current.values()) {
    if (block.origin !== 'list' || input.desired.has(block.domain)) continue;
    removals.push({ domain: block.domain, op: 'remove', before: block, after: null, sourceIds: block.sourceIds, note: RETRACT_NOTE });
  }
  removals.sort(byDomain);
  const lines: DiffLine[] = [];
  for (const op of OP_ORDER) {
    const group = byOp.get(op)!;
    counts[op] = group.length;
    for (const line of group) lines.push(line);
  }
  return { instanceId: instance.id, name: instance.name, kind: instance.kind, supported: true, note: cap.note, lines, counts };
}
