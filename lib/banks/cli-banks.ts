/**
 * `banks import` and `banks export` for the operator CLI (lib/cli/commands.ts delegates here). They call the
 * same verbs as the UI, as the CLI's system actor, so imports and exports are audited the same way.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { type ParsedArgs, required } from '@/lib/cli/args';
import { bankKind, bankLabel, severity, signalType, SEVERITY_WORDS } from './bank-fields';
import { createBank } from './create-bank';
import { decodeTextUpload } from './decode-text-upload';
import { exportEntries } from './export-entries';
import { importEntries } from './import-entries';

type Out = (line: string) => void;

export async function runBanksCommand(verb: string, args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  if (verb === 'import') return importCommand(args, out, actor);
  if (verb === 'export') return exportCommand(args, out, actor);
  throw new Error(`unknown command: banks ${verb}`);
}

async function importCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const f = args.flags;
  const name = required(f, 'bank');
  const file = args.positional[2];
  if (!file) throw new Error('missing FILE: banks import --bank NAME FILE');
  const signal = optionalFlag(f.signal, (v) => signalType.parse(v), '--signal must be pdq, md5 or sha256');
  const text = decodeTextUpload(await fs.readFile(file));
  let bank = await db.hashBank.findUnique({ where: { name }, select: { id: true, name: true, kind: true, label: true, severity: true } });
  if (!bank) {
    const kind = optionalFlag(f.kind, (v) => bankKind.parse(v), '--kind must be match or allow') ?? 'match';
    const label = optionalFlag(f.label, (v) => bankLabel.parse(v), '--label must be csam, ncii, terrorism, spam or other');
    const sev = optionalFlag(f.severity, (v) => severity.parse(Number(v)), '--severity must be 1 to 5');
    bank = await createBank({ ctx: { actor }, input: { name, kind, ...(kind === 'match' ? { label: label ?? 'other', severity: sev } : {}) } });
    out(`Created ${bank.kind} bank "${bank.name}"${bank.kind === 'match' ? ` (${bank.label}, severity ${bank.severity} ${SEVERITY_WORDS[bank.severity]})` : ''}.`);
  } else if (f.kind || f.label || f.severity) {
    out(`Bank "${bank.name}" exists: --kind, --label and --severity only apply when it is created.`);
  }
  const s = await importEntries({ ctx: { actor }, input: { bankId: bank.id, text, file: path.basename(file), signal } });
  out(`Imported ${s.file} into "${bank.name}": ${s.accepted} accepted (${s.inserted} new, ${s.duplicates} duplicate), ${s.rejected} rejected.`);
  for (const r of s.rejectedLines) out(`  line ${r.line}: ${r.reason}: ${r.text}`);
  if (s.rematchRunId) out(`Rematching stored media against the bank (run ${s.rematchRunId}).`);
  return 0;
}

async function exportCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const name = required(args.flags, 'bank');
  const signal = optionalFlag(args.flags.signal, (v) => signalType.parse(v), '--signal must be pdq, md5 or sha256');
  const bank = await db.hashBank.findUnique({ where: { name }, select: { id: true } });
  if (!bank) throw new Error(`no bank named "${name}"`);
  for await (const line of await exportEntries({ ctx: { actor }, input: { bankId: bank.id, signal } })) out(line);
  return 0;
}

/** A flag's value checked with a message an operator can act on (not a zod dump). */
function optionalFlag<T>(value: string | true | undefined, parse: (v: string) => T, message: string): T | undefined {
  if (value === undefined) return undefined;
  try {
    if (value === true) throw new Error('no value');
    return parse(value);
  } catch {
    throw new Error(message);
  }
}
