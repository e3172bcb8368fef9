/**
 * `cases purge CASE --yes [--wait] [--timeout SECONDS]`: the default plan, as the CLI's system actor (so through the
 * same verbs, sealing and audit as the UI). Without --yes it only prints the plan. --wait drives the run in this
 * process until every instance has its receipts; the exit code is 0 only if every copy is removed or accepted,
 * 1 otherwise (or on timeout), 2 on usage.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';
import { caseIdFor } from '@/lib/cases/cli-cases';
import { getPurgePlan } from './get-purge-plan';
import { latestReceipts } from './latest-receipts';
import { runPurge } from './run-purge';
import { startPurge } from './start-purge';
import type { PurgePlan } from './types';

type Out = (line: string) => void;
const USE = 'use: cases purge CASE --yes [--wait] [--timeout SECONDS]';
const timeoutFlag = z.coerce.number().int().min(1).max(86_400);

export async function purgeCaseCommand(args: ParsedArgs, out: Out, actor: Actor, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<number> {
  // `cases purge --yes 12` parses 12 as the value of --yes: take it as the case.
  const ref = args.positional[2] ?? (typeof args.flags.yes === 'string' ? args.flags.yes : undefined);
  const timeout = timeoutFlag.safeParse(args.flags.timeout ?? 600);
  if (!ref || !timeout.success) {
    out(USE);
    return 2;
  }
  const caseId = await caseIdFor(ref);
  const plan = await getPurgePlan({ ctx: { actor }, input: { caseId } });
  printPlan(plan, out);
  if (!args.flags.yes) {
    out('add --yes to run it');
    return 2;
  }
  const started = await startPurge({ ctx: { actor }, input: { caseId, choices: [] } });
  out(`started run ${started.runId} (evidence ${started.evidenceId})${started.needsAdmin ? `; ${started.needsAdmin} steps wait for an admin` : ''}`);
  if (!args.flags.wait) return 0;
  const deadline = Date.now() + timeout.data * 1000;
  for (;;) {
    const r = await runPurge(started.runId);
    if (r === 'done') break;
    if (Date.now() > deadline) {
      out(`timed out after ${timeout.data} s; the worker goes on with run ${started.runId}`);
      break;
    }
    await sleep(await pause(started.runId));
  }
  return printReceipts(caseId, out);
}

function printPlan(plan: PurgePlan, out: Out): void {
  if (plan.instances.length === 0) out('No copy to remove.');
  for (const i of plan.instances) {
    const o = i.options.find((x) => x.id === i.defaultOptionId);
    if (!o) out(`${i.instance.name}: nothing possible (${i.blocked ?? 'no option'})`);
    else out(`${i.instance.name}: ${o.label}: ${o.steps.map((s) => `${s.label}${s.needsAdmin ? ' [admin]' : ''}`).join('; ')}`);
  }
  for (const u of plan.unchecked) out(`${u.instance.name}: cannot be checked (${u.reason})`);
  if (plan.sealsFirst) out('Evidence is sealed first.');
}

/** Until the next due receipt round (servers delete in background jobs), at most 5 s and at least 0.25 s. */
async function pause(runId: string): Promise<number> {
  const next = await db.purgeCheck.findFirst({ where: { runId, status: 'queued' }, orderBy: { dueAt: 'asc' }, select: { dueAt: true } });
  const ms = next ? next.dueAt.getTime() - Date.now() : 1000;
  return Math.min(5000, Math.max(250, ms));
}

async function printReceipts(caseId: string, out: Out): Promise<number> {
  const receipts = await latestReceipts(caseId);
  const copies = await db.caseCopy.findMany({ where: { caseId }, orderBy: [{ foundAt: 'asc' }, { id: 'asc' }], select: { id: true, copyKey: true, instance: { select: { name: true } } } });
  let ok = true;
  for (const c of copies) {
    const r = receipts.get(c.id);
    const verdict = r?.verdict ?? 'no receipt';
    if (verdict !== 'removed' && verdict !== 'accepted') ok = false;
    out(`${c.instance.name} ${c.copyKey}: ${verdict}${r?.httpStatus ? ` (HTTP ${r.httpStatus})` : ''}${r?.reason ? `: ${r.reason}` : ''}`);
  }
  return ok ? 0 : 1;
}
