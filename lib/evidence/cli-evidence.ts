/**
 * `evidence verify CASE [--json]` (exit 0 only when every seal and the audit chain check out, 1 otherwise, one line
 * per problem) and `evidence export CASE --out FILE [--reason R]` (the ZIP, written 0600; the export is audited
 * with the reason). CASE is a case number or id, as for `cases show`.
 */
import fs from 'node:fs/promises';
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';
import { caseIdFor } from '@/lib/cases/cli-cases';
import { exportEvidence } from './export-evidence';
import { verifyEvidence } from './verify-evidence';
import type { EvidenceVerifyResult } from './types';

type Out = (line: string) => void;

export async function runEvidenceCommand(verb: string, args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  // `evidence verify --json 12` parses 12 as the value of --json: take it as the case.
  const ref = args.positional[2] ?? (typeof args.flags.json === 'string' ? args.flags.json : undefined);
  if (!ref) throw new Error(`use: evidence ${verb} CASE (a case id or number)`);
  const caseId = await caseIdFor(ref);
  if (verb === 'verify') {
    const result = await verifyEvidence({ ctx: { actor }, input: { caseId } });
    if (args.flags.json) out(JSON.stringify(result));
    else for (const line of verifyLines(result)) out(line);
    return result.ok ? 0 : 1;
  }
  if (verb === 'export') {
    const file = args.flags.out;
    if (typeof file !== 'string' || !file) throw new Error('use: evidence export CASE --out FILE [--reason R]');
    const reason = typeof args.flags.reason === 'string' ? args.flags.reason : 'exported with the CLI';
    const { zip } = await exportEvidence({ ctx: { actor }, input: { caseId, reason } });
    await fs.writeFile(file, zip, { mode: 0o600 });
    out(`Wrote ${file} (${zip.length} bytes)`);
    return 0;
  }
  throw new Error(`unknown command: evidence ${verb}`);
}

export function verifyLines(r: EvidenceVerifyResult): string[] {
  const lines: string[] = [];
  if (r.seals.length === 0) lines.push('No evidence sealed for this case.');
  for (const s of r.seals) {
    const state = s.destroyed ? 'destroyed (manifest only)' : `${s.checkedItems} items checked`;
    lines.push(`seal v${s.version} ${s.evidenceId}: ${s.ok ? 'OK' : 'FAILED'}, ${state}`);
    for (const p of s.problems ?? []) lines.push(`  manifest: ${p}`);
    for (const b of s.badItems) lines.push(`  item ${b.n} ${b.path}: ${b.problem}`);
  }
  if (r.chain && !r.chain.ok) lines.push(`audit chain: ${r.chain.problem}`);
  lines.push(r.ok ? 'Evidence verified.' : 'Evidence verification FAILED.');
  return lines;
}
