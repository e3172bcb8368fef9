/**
 * `cases file CASE --to ncmec --yes [--wait] [--timeout SECONDS] [--json]`: the same verbs as the case page, as the
 * CLI's actor. Without --yes it prints what would be sent and exits 2 (the CLI's confirmation is re-running with
 * --yes). A case already filed prints that filing (same report id) and files nothing new. --wait drives the filing
 * in this process until it is finished or needs a person (exit 1 then, with the problem).
 */
import { z } from 'zod';
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';
import { caseIdFor } from '@/lib/cases/cli-cases';
import { db } from '@/lib/db';
import { runFiling } from '@/lib/filing/run-filing';
import { fileCase } from './file-case';
import { filingInclude, filingView } from './filing-view';
import { getCaseFilingPanel } from './get-filing-panel';
import { prepareFiling } from './prepare-filing';
import type { FilingJson, FilingPreview, FilingView } from './types';

type Out = (line: string) => void;
const USE = 'use: cases file CASE --to ncmec --yes [--wait] [--timeout SECONDS] [--json]';
const timeoutFlag = z.coerce.number().int().min(1).max(86_400);
const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function fileCaseCommand(args: ParsedArgs, out: Out, actor: Actor, sleep = sleepMs): Promise<number> {
  const f = args.flags;
  // `cases file --yes 12` parses 12 as the value of --yes (or of --wait, --json): take it as the case.
  const ref = args.positional[2] ?? [f.yes, f.wait, f.json].find((v): v is string => typeof v === 'string');
  const timeout = timeoutFlag.safeParse(f.timeout ?? 600);
  if (!ref || f.to !== 'ncmec' || !timeout.success) {
    out(USE);
    return 2;
  }
  const ctx = { actor };
  const caseId = await caseIdFor(ref);
  const panel = await getCaseFilingPanel({ ctx, input: { caseId } });
  let filing = panel.filings.find((x) => x.state !== 'retracted' && !(x.state === 'pending' && x.problem === 'rejected')) ?? null;
  if (!filing) {
    const preview = await prepareFiling({ ctx, input: { caseId } });
    if (!f.yes) {
      printPreview(preview, out);
      out('Nothing was filed: re-run with --yes to file this report.');
      return 2;
    }
    filing = (await fileCase({ ctx, input: { caseId, to: 'ncmec', reportSha256: preview.reportSha256 } })).filing;
  }
  if (f.wait) filing = await drive(filing, timeout.data * 1000, out, sleep);
  if (f.json) out(JSON.stringify({ to: filing.to, reportId: filing.reportId, state: filing.state, problem: filing.problem } satisfies FilingJson));
  else out(filing.reportId ? `CyberTipline report ${filing.reportId}` : `Filing ${filing.id}: ${filing.state}`);
  if (!filing.problem) return 0;
  out(`Problem: ${filing.problem}${filing.lastError ? `: ${filing.lastError}` : ''}`);
  return 1;
}

/** Runs the driver until the filing is settled; a delayed retry is slept through (bounded by the timeout). */
async function drive(start: FilingView, timeoutMs: number, out: Out, sleep: (ms: number) => Promise<void>): Promise<FilingView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await runFiling(start.id);
    const row = filingView(await db.filing.findUniqueOrThrow({ where: { id: start.id }, include: filingInclude }));
    if (result === 'finished' || result === 'problem' || result === 'retracted') return row;
    if (Date.now() > deadline) {
      out(`Timed out after ${Math.round(timeoutMs / 1000)} s; the worker goes on with filing ${start.id}.`);
      return row;
    }
    const due = row.nextAttemptAt ? Date.parse(row.nextAttemptAt) - Date.now() : 1000;
    await sleep(Math.min(5000, Math.max(250, due)));
  }
}

function printPreview(p: FilingPreview, out: Out): void {
  out(`To: CyberTipline ${p.environment === 'production' ? 'production' : `${p.environment.toUpperCase()} environment`} (${p.baseUrl})`);
  out(`Incident type: ${p.summary.incidentType}`);
  out(`First seen: ${p.summary.incidentDateTime}`);
  out(`Reporter: ${p.summary.reporter.name} <${p.summary.reporter.email}>`);
  out(`Reported: ${[p.summary.reported.screenName, p.summary.reported.espService].filter(Boolean).join(' on ') || '(unknown)'}`);
  out(`URLs (${p.summary.urls.length}):`);
  for (const u of p.summary.urls) out(`  ${u}`);
  out(`Files (${p.files.length}) from seal ${p.evidenceId}${p.sealedNow ? ' (sealed now)' : ''}:`);
  for (const file of p.files) out(`  ${file.fileName}  ${file.bytes} bytes  MD5 ${file.md5}  SHA-256 ${file.sha256}`);
  out(`Additional info: ${p.summary.additionalInfo}`);
  out(`Report SHA-256: ${p.reportSha256}`);
}
