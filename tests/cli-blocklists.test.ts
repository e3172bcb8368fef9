/**
 * Issue 13: `blocklists add --url`, `add --file`, `list` and `fetch` through the CLI's own dispatcher (runCommand),
 * against a real local list host and the real database; the JSON shapes are checked, scripts depend on them.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { startBlocklistHost, type BlocklistHost } from '@/e2e/fakes/blocklist/server';
import { db } from '@/lib/db';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';

vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueueBlocklistFetch: vi.fn(async () => {}) }));

async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCommand(parseArgs(argv), (l) => lines.push(l));
  return { code, lines };
}

const sourceJson = z.strictObject({
  id: z.uuid(), name: z.string(), url: z.string().nullable(), format: z.enum(['auto', 'mastodon_csv', 'plain', 'mastodon_json']),
  trusted: z.boolean(), enabled: z.boolean(), allowPrivate: z.boolean(), refreshMinutes: z.number().int(),
  lastFetchedAt: z.string().nullable(), lastOkAt: z.string().nullable(), lastError: z.string().nullable(),
  entryCount: z.number().int(), badLineCount: z.number().int(), unresolvedCount: z.number().int(),
});

let host: BlocklistHost;
let dir: string;
beforeAll(async () => {
  host = await startBlocklistHost();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'blocklists-cli-'));
});
afterAll(async () => {
  await host?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('blocklists CLI', () => {
  it('add --url fetches once at once and prints the counts', async () => {
    host.setList('/shared.csv', '#domain,#severity\nspam.example,suspend\nbad line here,suspend\nloud.example,silence\n');
    const r = await cli('blocklists', 'add', '--url', `${host.url}/shared.csv`, '--name', 'Shared', '--trusted', '--allow-private', '--format', 'mastodon_csv');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^Added source Shared \([0-9a-f-]{36}\)\.$/);
    expect(r.lines[1]).toBe('Shared: 2 entries, 1 bad lines, 0 unresolved (+2 -0 ~0).');
    expect(r.lines[2]).toMatch(/^ {2}line 3: /);
    const row = await db.blocklistSource.findFirstOrThrow({ where: { name: 'Shared' } });
    expect(row).toMatchObject({ trusted: true, allowPrivate: true, format: 'mastodon_csv' });
  });

  it('add --file uploads, --json prints the id and the fetch', async () => {
    const file = path.join(dir, 'mine.txt');
    await fs.writeFile(file, 'a.example\nb.example\n');
    const r = await cli('blocklists', 'add', '--file', file, '--json');
    expect(r.code).toBe(0);
    const parsed = z.object({ id: z.uuid(), name: z.literal('mine.txt'), fetch: z.object({ ok: z.literal(true), entryCount: z.literal(2) }).loose() }).parse(JSON.parse(r.lines[0]));
    expect(await db.blocklistEntry.count({ where: { sourceId: parsed.id } })).toBe(2);
  });

  it('list --json has the exact SourceView shape; list prints one line per source', async () => {
    const r = await cli('blocklists', 'list', '--json');
    const rows = z.array(sourceJson).parse(JSON.parse(r.lines[0]));
    expect(rows.map((x) => [x.name, x.entryCount, x.badLineCount])).toEqual([['mine.txt', 2, 0], ['Shared', 2, 1]]);
    const text = await cli('blocklists', 'list');
    expect(text.lines).toHaveLength(2);
    expect(text.lines[1]).toMatch(/2 entries +1 bad +Shared <http:\/\/127\.0\.0\.1:\d+\/shared\.csv> +\(trusted\)$/);
  });

  it('fetch reports not modified, then a change, and exits 1 when a list fails', async () => {
    const same = await cli('blocklists', 'fetch');
    expect(same.code).toBe(0);
    expect(same.lines).toEqual(['Shared: not modified, 2 entries.']);
    host.setList('/shared.csv', '#domain,#severity\nspam.example,suspend\nnew.example,suspend\n');
    const changed = await cli('blocklists', 'fetch', '--json');
    const results = z.array(z.object({ id: z.uuid(), name: z.string(), fetch: z.object({ addedCount: z.number(), removedCount: z.number() }).loose() })).parse(JSON.parse(changed.lines[0]));
    expect(results.map((x) => [x.name, x.fetch.addedCount, x.fetch.removedCount])).toEqual([['Shared', 1, 1]]);
    host.setStatus('/shared.csv', 503);
    const id = results[0].id;
    const failed = await cli('blocklists', 'fetch', '--source', id);
    expect(failed.code).toBe(1);
    expect(failed.lines[0]).toBe('Shared: fetch failed: The list server answered HTTP 503. (HTTP 503); previous entries kept (2).');
    host.setStatus('/shared.csv', 200);
  });

  it('refuses a bad format and an unknown verb', async () => {
    await expect(cli('blocklists', 'add', '--url', 'https://x.example/l', '--format', 'xml')).rejects.toThrow(/--format must be/);
    await expect(cli('blocklists', 'add')).rejects.toThrow(/missing --url/);
    const usage = await cli('blocklists', 'frobnicate');
    expect(usage.code).toBe(2); // not wired: the dispatcher prints the usage
  });
});
