/** `audit verify [--checkpoint FILE]` and `audit checkpoint [--out FILE]` for the operator CLI. */
import fs from 'node:fs/promises';
import type { ParsedArgs } from '@/lib/cli/args';
import { db } from '@/lib/db';
import type { Actor } from './actor';
import { checkpointLine, parseCheckpointFile } from './checkpoint-file';
import { createCheckpointIn } from './create-checkpoint';
import { recordEvent } from './record-event';
import { verifyAuditChain } from './verify-chain';

export async function runAuditCommand(verb: string, args: ParsedArgs, out: (line: string) => void, actor: Actor): Promise<number> {
  const f = args.flags;
  if (verb === 'checkpoint') {
    const checkpoint = await db.$transaction(async (tx) => {
      await recordEvent(tx, { actor, action: 'audit.checkpoint.exported', targetType: 'audit_log', details: { to: typeof f.out === 'string' ? 'file' : 'stdout' } });
      return createCheckpointIn(tx);
    });
    const line = checkpointLine(checkpoint);
    if (typeof f.out === 'string') {
      await fs.writeFile(f.out, `${line}\n`, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
      out(`Checkpoint of event #${checkpoint.lastSeq} (${checkpoint.count} events) written to ${f.out}. Keep it away from this server's database.`);
    } else {
      out(line);
    }
    return 0;
  }
  const checkpoints = typeof f.checkpoint === 'string' ? parseCheckpointFile(await fs.readFile(f.checkpoint, 'utf8')) : undefined;
  const res = await verifyAuditChain({ checkpoints });
  if (res.ok) {
    out(`Audit chain intact: ${res.checked} events checked${checkpoints ? `, consistent with ${checkpoints.length} checkpoint(s)` : ''}.`);
    for (const n of res.notes ?? []) out(`note: ${n}`);
  } else {
    out(`Audit chain BROKEN at event #${res.firstBroken?.seq}: ${res.firstBroken?.reason} (${res.checked} events before it are intact).`);
  }
  return res.ok ? 0 : 1;
}
