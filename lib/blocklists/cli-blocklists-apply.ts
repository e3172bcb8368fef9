/**
 * `blocklists preview [--json] [--instance ID]`, `blocklists apply --yes [--instance ID] [--wait]`,
 * `blocklists undo --yes [--wait]` and `blocklists sync-blocks`, as the CLI's system actor (same verbs, same
 * audit as the pages). Without --yes, apply and undo only print what they would do (exit 2). --wait drives the outbox for
 * the application's actions in this process until they finish (the worker may take some of them; the claim makes
 * either one send each action once).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';
import { performAction } from '@/lib/actions/perform-action';
import { applyBlocklist } from './apply-blocklist';
import { getApplication } from './get-application';
import { getPreview } from './get-preview';
import { requestBlocksSync } from './request-blocks-sync';
import { APPLY_OPS, type DiffOp, type PreviewView } from './types';
import { undoApplication } from './undo-application';
import { latestUndoable } from './undoable';

type Out = (line: string) => void;

function instanceFlag(args: ParsedArgs): string[] | undefined {
  const v = args.flags.instance;
  if (v === undefined) return undefined;
  if (v === true) throw new Error('--instance needs an instance id');
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

function countsText(counts: Record<DiffOp, number>): string {
  return (Object.entries(counts) as [DiffOp, number][]).filter(([, n]) => n > 0).map(([op, n]) => `${op} ${n}`).join(', ') || 'no change';
}

function printPreview(p: PreviewView, out: Out): void {
  out(`Merged list: ${p.merged.total} domains (suspend ${p.merged.suspend}, silence ${p.merged.silence}, noop ${p.merged.noop}); ${p.excludedCount} excluded.`);
  for (const i of p.instances) {
    if (!i.supported) {
      out(`${i.name} (${i.kind}): cannot take blocklists: ${i.note}`);
      continue;
    }
    out(`${i.name} (${i.kind}): ${countsText(i.counts)}${i.blocksError ? `  [last read failed: ${i.blocksError}]` : ''}`);
    for (const l of i.lines) {
      if (l.op === 'kept_hand') continue;
      const before = l.before ? l.before.severity : '-';
      const after = l.after ? l.after.severity : '-';
      out(`  ${l.op.padEnd(11)} ${l.domain}  ${before} -> ${after}${l.note ? `  (${l.note})` : ''}`);
    }
    if (i.truncated) out('  … more lines (counts above are complete)');
  }
  out(`digest ${p.digest}`);
}

async function waitFor(applicationId: string, out: Out, timeoutS: number): Promise<number> {
  const deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    const pending = await db.action.findMany({ where: { blocklistApplicationId: applicationId, status: { in: ['pending', 'running'] } }, select: { id: true } });
    if (pending.length === 0) break;
    for (const a of pending) await performAction(a.id);
    if (Date.now() > deadline) {
      out(`timed out after ${timeoutS} s; the worker goes on with application ${applicationId}`);
      return 1;
    }
    await sleep(500);
  }
  const app = await getApplication({ ctx: { actor: { type: 'system', label: 'cli' } }, input: { id: applicationId } });
  out(`${app.state}: ${app.counts.done} done, ${app.counts.failed} failed.`);
  for (const c of app.changes) if (c.state === 'failed') out(`  ${c.instanceName}: ${c.op} ${c.domain}: ${c.error}`);
  return app.state === 'done' ? 0 : 1;
}

function timeoutOf(args: ParsedArgs): number {
  const n = typeof args.flags.timeout === 'string' ? Number(args.flags.timeout) : 300;
  if (!Number.isFinite(n) || n <= 0) throw new Error('--timeout must be a number of seconds');
  return n;
}

export async function previewCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const p = await getPreview({ ctx: { actor }, input: { instanceIds: instanceFlag(args) } });
  if (args.flags.json) out(JSON.stringify(p));
  else printPreview(p, out);
  return 0;
}

export async function applyCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const instanceIds = instanceFlag(args);
  if (args.flags.yes !== true) {
    const p = await getPreview({ ctx: { actor }, input: { instanceIds } });
    printPreview(p, out);
    out('Nothing sent: add --yes to apply.');
    return 2; // like `cases purge` and `cases file` without --yes: a script sees that nothing happened
  }
  const r = await applyBlocklist({ ctx: { actor }, input: { instanceIds, ops: APPLY_OPS } });
  if (!r.applicationId) {
    out('Nothing to change.');
    return 0;
  }
  out(`application ${r.applicationId}: ${r.changes} changes on ${r.instances} instances queued`);
  return args.flags.wait ? waitFor(r.applicationId, out, timeoutOf(args)) : 0;
}

export async function undoCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  if (args.flags.yes !== true) {
    const latest = await latestUndoable();
    if (!latest) out('There is no application to undo.');
    else {
      const app = await getApplication({ ctx: { actor }, input: { id: latest.id } });
      out(`Would undo application ${app.id} (${app.kind}, ${app.createdAt}): ${app.counts.done} changes. Add --yes to undo.`);
    }
    return 2;
  }
  const r = await undoApplication({ ctx: { actor }, input: {} });
  out(`undo ${r.applicationId}: ${r.changes} changes on ${r.instances} instances queued`);
  return args.flags.wait ? waitFor(r.applicationId, out, timeoutOf(args)) : 0;
}

export async function syncBlocksCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const { results } = await requestBlocksSync({ ctx: { actor }, input: { instanceIds: instanceFlag(args) } });
  if (args.flags.json) out(JSON.stringify(results));
  else for (const r of results) out(r.ok ? `${r.name}: ${r.count} blocks (+${r.added} -${r.removed})` : `${r.name}: read failed: ${r.error}`);
  return results.every((r) => r.ok) ? 0 : 1;
}
