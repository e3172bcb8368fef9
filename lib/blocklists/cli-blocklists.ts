/**
 * `blocklists …` for the operator CLI (lib/cli/commands.ts delegates here). The same verbs as the pages, as the
 * CLI's system actor, so everything is authorized and audited the same way. Fetches here run synchronously, so a
 * script sees the result of the list it just added.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { decodeTextUpload } from '@/lib/banks/decode-text-upload';
import { type ParsedArgs, required } from '@/lib/cli/args';
import { applyCommand, previewCommand, syncBlocksCommand, undoCommand } from './cli-blocklists-apply';
import { addSource } from './sources/add-source';
import { fetchSource } from './sources/fetch-source';
import { getSource } from './sources/get-source';
import { listSources } from './sources/list-sources';
import { sourceFormat } from './sources/source-fields';
import type { FetchView, SourceFormat } from './types';

type Out = (line: string) => void;

export async function runBlocklistsCommand(verb: string, args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  switch (verb) {
    case 'add':
      return addCommand(args, out, actor);
    case 'list':
      return listCommand(args, out, actor);
    case 'fetch':
      return fetchCommand(args, out, actor);
    // ---- preview / apply / undo / sync-blocks (H4) go below this line ----
    case 'preview':
      return previewCommand(args, out, actor);
    case 'apply':
      return applyCommand(args, out, actor);
    case 'undo':
      return undoCommand(args, out, actor);
    case 'sync-blocks':
      return syncBlocksCommand(args, out, actor);
    // ---- end of H4's commands ----
    default:
      throw new Error(`unknown blocklists command: ${verb}`);
  }
}

async function addCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const f = args.flags;
  const file = typeof f.file === 'string' ? f.file : null;
  const url = file ? undefined : required(f, 'url');
  const format = f.format === undefined ? undefined : parseFormat(f.format);
  const common = {
    name: typeof f.name === 'string' ? f.name : undefined, format, trusted: f.trusted === true,
    refreshMinutes: typeof f.refresh === 'string' ? Number(f.refresh) : undefined,
  };
  const { id } = file
    ? await addSource({ ctx: { actor }, input: { ...common, upload: { filename: path.basename(file), text: decodeTextUpload(await fs.readFile(file)) } } })
    : await addSource({ ctx: { actor }, input: { ...common, url, allowPrivate: f['allow-private'] === true } });
  // A URL source is also queued for the worker; the lease makes whichever comes second skip.
  const outcome = file ? null : await fetchSource(id, { actor });
  const source = await getSource({ ctx: { actor }, input: { id } });
  const latest = outcome?.skipped ? undefined : source.fetches[0];
  if (f.json) out(JSON.stringify({ id, name: source.name, fetch: latest ?? null }));
  else {
    out(`Added source ${source.name} (${id}).`);
    printFetch(out, source.name, latest);
  }
  return latest && !latest.ok ? 1 : 0;
}

async function listCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const rows = await listSources({ ctx: { actor } });
  if (args.flags.json) {
    out(JSON.stringify(rows));
    return 0;
  }
  if (rows.length === 0) out('No blocklist sources.');
  for (const r of rows) {
    const flags = [r.trusted ? 'trusted' : null, r.enabled ? null : 'paused'].filter(Boolean).join(', ');
    out(`${r.id}  ${String(r.entryCount).padStart(6)} entries  ${String(r.badLineCount).padStart(4)} bad  ${r.name} <${r.url ?? 'uploaded file'}>${flags ? `  (${flags})` : ''}${r.lastError ? `  error: ${r.lastError}` : ''}`);
  }
  return 0;
}

async function fetchCommand(args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const only = typeof args.flags.source === 'string' ? args.flags.source : null;
  const ids = only
    ? [only]
    : (await db.blocklistSource.findMany({ where: { enabled: true, url: { not: null } }, orderBy: { name: 'asc' }, select: { id: true } })).map((s) => s.id);
  if (ids.length === 0) out('No URL sources to fetch.');
  const results: { id: string; name: string; fetch: FetchView | null }[] = [];
  let failed = 0;
  for (const id of ids) {
    const outcome = await fetchSource(id, { actor, force: args.flags.force === true });
    const source = await getSource({ ctx: { actor }, input: { id } });
    const latest = outcome.skipped ? undefined : source.fetches[0];
    if (latest && !latest.ok) failed++;
    results.push({ id, name: source.name, fetch: latest ?? null });
    if (!args.flags.json) printFetch(out, source.name, latest);
  }
  if (args.flags.json) out(JSON.stringify(results));
  return failed ? 1 : 0;
}

const SHOW_BAD_LINES = 20;

function printFetch(out: Out, name: string, r: FetchView | undefined): void {
  if (!r) return out(`${name}: another fetch of this source is running (or none ran yet); see \`blocklists list\`.`);
  if (!r.ok) out(`${name}: fetch failed: ${r.error}${r.httpStatus ? ` (HTTP ${r.httpStatus})` : ''}; previous entries kept (${r.entryCount}).`);
  else if (r.notModified) out(`${name}: not modified, ${r.entryCount} entries.`);
  else out(`${name}: ${r.entryCount} entries, ${r.badLineCount} bad lines, ${r.unresolved.length} unresolved (+${r.addedCount} -${r.removedCount} ~${r.changedCount}).`);
  for (const b of r.badLines.slice(0, SHOW_BAD_LINES)) out(`  line ${b.line}: ${b.error}: ${b.text}`);
  if (r.badLineCount > SHOW_BAD_LINES) out(`  … and ${r.badLineCount - SHOW_BAD_LINES} more bad lines.`);
  for (const u of r.unresolved.slice(0, SHOW_BAD_LINES)) out(`  line ${u.line}: unresolved obfuscated entry ${u.pattern}`);
}

function parseFormat(v: string | true): SourceFormat {
  const r = sourceFormat.safeParse(v);
  if (!r.success) throw new Error('--format must be auto, mastodon_csv, plain or mastodon_json');
  return r.data;
}
