/**
 * `cases list`, `cases open` and `cases show` for the operator CLI (lib/cli/commands.ts delegates here). They call
 * the same verbs as the UI as the CLI's system actor, so opening a case is authorized and audited the same way.
 * The JSON shape (CaseCliJson) is fixed by the issue: scripts read it.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';
import type { ParsedArgs } from '@/lib/cli/args';
import { AppError, isAppError } from '@/lib/errors';
import { filingsJson } from '@/lib/filing/filing-json';
import { withPurgeJson } from '@/lib/purge/case-show-json';
import { getCase } from './get-case';
import { listCases } from './list-cases';
import { openCase } from './open-case';
import type { CaseCliJson, CaseCopyState, CaseDetail, CaseListItem, CopyFoundBy } from './types';

type Out = (line: string) => void;
type CliCopy = CaseCliJson['copies'][number];

const uuid = z.uuid();
const listState = z.enum(['active', 'open', 'closed', 'all']);
const foundByEnum = z.enum(['sha256', 'md5', 'origin_uri', 'media_url', 'pdq']) satisfies z.ZodType<CopyFoundBy>;
const PAGE = 100;

export async function runCasesCommand(verb: string, args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  if (verb === 'list') return listCommand(args, out, actor);
  if (verb === 'open') return openCommand(args, out, actor);
  if (verb === 'show') return showCommand(args, out, actor);
  throw new Error(`unknown command: cases ${verb}`);
}

async function listCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  // Unlike the UI's list (active cases), a script asking for "cases" means all of them unless it says otherwise.
  const parsed = listState.safeParse(args.flags.state ?? 'all');
  if (!parsed.success) throw new Error('--state must be active, open, closed or all');
  const items: CaseListItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await listCases({ ctx: { actor }, input: { state: parsed.data, cursor, limit: PAGE } });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const copies = await copiesOf(actor, items.map((c) => c.id));
  const rows = items.map((c) => cliJson(c, copies.get(c.id) ?? []));
  if (args.flags.json) out(JSON.stringify(rows));
  else if (rows.length === 0) out('No cases.');
  else for (const r of rows) out(summaryLine(r));
  return 0;
}

async function openCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const mediaId = args.flags.media;
  if (typeof mediaId !== 'string' || !uuid.safeParse(mediaId).success) throw new Error('use: cases open --media MEDIA_ID (a media id, as in reports list --json)');
  const opened = await openCase({ ctx: { actor }, input: { mediaId, via: 'cli' } }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'not_found') throw new AppError('not_found', e.message, { userMessage: `No media ${mediaId}.`, cause: e });
    throw e;
  });
  if (args.flags.json) out(JSON.stringify({ id: opened.caseId, number: opened.number, created: opened.created }));
  else out(opened.caseId); // only the id on stdout, so `$(npm run -s cli -- cases open --media X)` works
  return 0;
}

async function showCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  // `cases show --json 12` parses 12 as the value of --json: take it as the case.
  const ref = args.positional[2] ?? (typeof args.flags.json === 'string' ? args.flags.json : undefined);
  if (!ref) throw new Error('use: cases show CASE [--json] (CASE is a case id or number)');
  const detail = await getCase({ ctx: { actor }, input: { id: await caseIdFor(ref) } }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'not_found') throw unknownCase(ref);
    throw e;
  });
  const row = cliJson(detail, detail.copies.map((c) => ({ instanceUrl: c.instance.baseUrl, postUrl: c.postUrl, mediaUrl: c.mediaUrl, foundBy: c.foundBy, state: c.state })));
  if (args.flags.json) out(JSON.stringify({ ...(await withPurgeJson(detail.id, row, detail.copies.map((c) => c.id))), filings: await filingsJson(detail.id) }));
  else {
    showText(detail, row, out);
    for (const f of await filingsJson(detail.id)) out(`filing: CyberTipline ${f.state}${f.reportId ? ` report ${f.reportId}` : ''}${f.problem ? ` (${f.problem})` : ''}`);
  }
  return 0;
}

/** A case id, or a case number ("12" or "#12") as the UI shows it. */
export async function caseIdFor(ref: string): Promise<string> {
  if (uuid.safeParse(ref).success) return ref;
  const m = /^#?(\d{1,9})$/.exec(ref);
  if (!m) throw unknownCase(ref);
  const hit = await db.case.findUnique({ where: { number: Number(m[1]) }, select: { id: true } });
  if (!hit) throw unknownCase(ref);
  return hit.id;
}

const unknownCase = (ref: string) => new AppError('not_found', `case ${ref} not found`, { userMessage: `No case ${ref}.` });

/** The copies of listed cases in one query (the list view model carries only counts), on instances the actor sees. */
async function copiesOf(actor: Actor, caseIds: string[]): Promise<Map<string, CliCopy[]>> {
  const visible = visibleInstanceIds(actor);
  const rows = caseIds.length === 0 ? [] : await db.caseCopy.findMany({
    where: { caseId: { in: caseIds }, ...(visible ? { instanceId: { in: visible } } : {}) },
    orderBy: [{ foundAt: 'asc' }, { id: 'asc' }],
    select: { caseId: true, postUrl: true, mediaUrl: true, foundBy: true, state: true, instance: { select: { baseUrl: true } } },
  });
  const byCase = new Map<string, CliCopy[]>();
  for (const r of rows) {
    const list = byCase.get(r.caseId) ?? [];
    // foundBy is a text column: parsed, so a value this build does not know fails loudly instead of printing junk.
    list.push({ instanceUrl: r.instance.baseUrl, postUrl: r.postUrl, mediaUrl: r.mediaUrl, foundBy: foundByEnum.parse(r.foundBy), state: r.state satisfies CaseCopyState });
    byCase.set(r.caseId, list);
  }
  return byCase;
}

function cliJson(c: CaseListItem, copies: CliCopy[]): CaseCliJson {
  return { id: c.id, number: c.number, title: c.title, state: c.state, severity: c.severity, label: c.label, copies };
}

function summaryLine(r: CaseCliJson): string {
  const instances = new Set(r.copies.map((c) => c.instanceUrl)).size;
  return `#${String(r.number).padEnd(5)} ${r.state.padEnd(8)} sev ${r.severity} ${(r.label ?? '-').padEnd(9)} ${r.copies.length} copies on ${instances} instances  ${r.title}  ${r.id}`;
}

function showText(d: CaseDetail, r: CaseCliJson, out: Out): void {
  out(summaryLine(r));
  if (d.origin.uri) out(`origin: ${d.origin.uri}${d.origin.acct ? ` by ${d.origin.acct}` : ''}`);
  out(`reports: ${d.reports.length}, lookups: ${d.lookups.map((l) => `${l.instance.name}=${l.status}`).join(', ') || 'none'}`);
  for (const c of r.copies) out(`  ${c.state.padEnd(12)} ${c.foundBy.padEnd(10)} ${c.instanceUrl}  ${c.postUrl ?? c.mediaUrl ?? '(no URL)'}`);
}
