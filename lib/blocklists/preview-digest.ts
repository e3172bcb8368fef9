/**
 * A fingerprint of exactly what an apply would send: apply recomputes the preview and refuses when its digest is
 * not the one the moderator reviewed. Only sendable lines count (unsupported and kept-by-hand lines send nothing),
 * in a canonical order, with the target's fields in a fixed order, so the same changes always hash the same.
 */
import { createHash } from 'node:crypto';
import { APPLY_OPS, type DiffLine, type InstanceDiff } from '@/lib/blocklists/types';

const OP_RANK = new Map<string, number>(APPLY_OPS.map((op, i) => [op, i]));

function compareLines(a: DiffLine, b: DiffLine): number {
  return (OP_RANK.get(a.op)! - OP_RANK.get(b.op)!) || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0);
}

const PLAIN = /^[a-z0-9.:[\]-]+$/;

// Tab-separated with the free-text fields JSON-quoted: unambiguous, and far cheaper than stringifying an array per line.
function row(line: DiffLine): string {
  const t = line.after;
  const after = t ? `${t.severity}\t${+t.rejectMedia}\t${+t.rejectReports}\t${+t.obfuscate}\t${JSON.stringify(t.publicComment)}\t${JSON.stringify(t.privateComment ?? null)}` : '-';
  const domain = PLAIN.test(line.domain) ? line.domain : JSON.stringify(line.domain);
  return `${domain}\t${line.op}\t${after}\n`;
}

/** Canonical order: instance id, then op (APPLY_OPS order), then domain: the order diffInstance already gives. */
export function previewDigest(diffs: InstanceDiff[]): string {
  const hash = createHash('sha256');
  const instances = [...diffs].sort((a, b) => (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0));
  for (const diff of instances) {
    let lines = diff.lines.filter((l) => OP_RANK.has(l.op));
    if (lines.some((l, i) => i > 0 && compareLines(lines[i - 1], l) > 0)) lines = [...lines].sort(compareLines);
    hash.update(`${JSON.stringify(diff.instanceId)}:${lines.length}\n`);
    for (const line of lines) hash.update(row(line));
  }
  return hash.digest('hex');
}
