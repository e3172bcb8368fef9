/**
 * Issue 13: `blocklists sync-blocks`, `preview --json`, `apply --yes --wait` and `undo --yes --wait` through the
 * CLI's dispatcher against a fake Mastodon: without --yes nothing is sent; with it the blocks land on the fake and
 * the undo takes them back.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { db } from '@/lib/db';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { runBlocklistsCommand } from '@/lib/blocklists/cli-blocklists';
import type { PreviewView } from '@/lib/blocklists/types';
import { connectedFake, systemActor } from './support/fixtures';

async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCommand(parseArgs(argv), (l) => lines.push(l));
  return { code, lines };
}

async function fakeDomains(f: FakeMastodon): Promise<string[]> {
  return ((await (await fetch(`${f.url}/__fake/domain-blocks`)).json()) as { domain: string }[]).map((b) => b.domain);
}

let fake: FakeMastodon;
let instanceId: string;
let dir: string;
beforeAll(async () => {
  ({ fake, instanceId } = await connectedFake({ reports: 0, seed: 141 }));
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'blocklists-apply-cli-'));
  const file = path.join(dir, 'list.csv');
  await fs.writeFile(file, '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\nclispam.example,suspend,true,false,spam,false\nclilimit.example,silence,false,false,,false\n');
  expect((await cli('blocklists', 'add', '--file', file, '--trusted')).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await fake?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('blocklists preview / apply / undo (CLI)', () => {
  it('sync-blocks reads the instance\'s blocks', async () => {
    const lines: string[] = [];
    expect(await runBlocklistsCommand('sync-blocks', parseArgs([]), (l) => lines.push(l), systemActor)).toBe(0);
    expect(lines.join('\n')).toMatch(/blocks \(\+\d+ -\d+\)/);
    expect((await db.instance.findUniqueOrThrow({ where: { id: instanceId } })).domainBlocksSyncedAt).not.toBeNull();
  });

  it('preview --json gives the PreviewView with both lines to add', async () => {
    const { code, lines } = await cli('blocklists', 'preview', '--json', '--instance', instanceId);
    expect(code).toBe(0);
    const view = JSON.parse(lines[0]) as PreviewView;
    expect(view.digest).toMatch(/^[0-9a-f]{64}$/);
    const lines0 = view.instances[0].lines.map((l) => [l.domain, l.op]);
    expect(lines0).toEqual(expect.arrayContaining([['clispam.example', 'add'], ['clilimit.example', 'add']]));
  });

  it('apply without --yes sends nothing; with --yes --wait the blocks land', async () => {
    const dry = await cli('blocklists', 'apply');
    expect(dry.lines.at(-1)).toBe('Nothing sent: add --yes to apply.');
    expect(dry.code).toBe(2);
    expect(await db.blocklistApplication.count()).toBe(0);
    const { code, lines } = await cli('blocklists', 'apply', '--yes', '--wait');
    expect(code, lines.join('\n')).toBe(0);
    expect(lines[0]).toMatch(/^application [0-9a-f-]{36}: 2 changes on 1 instances queued$/);
    expect(lines.at(-1)).toBe('done: 2 done, 0 failed.');
    expect(await fakeDomains(fake)).toEqual(expect.arrayContaining(['clispam.example', 'clilimit.example']));
    expect((await cli('blocklists', 'apply', '--yes')).lines).toEqual(['Nothing to change.']);
  });

  it('undo --yes --wait takes them back', async () => {
    const dry = await cli('blocklists', 'undo');
    expect(dry.lines[0]).toMatch(/^Would undo application .*: 2 changes\. Add --yes to undo\.$/);
    expect(dry.code).toBe(2);
    const { code, lines } = await cli('blocklists', 'undo', '--yes', '--wait');
    expect(code, lines.join('\n')).toBe(0);
    const domains = await fakeDomains(fake);
    expect(domains).not.toContain('clispam.example');
    expect(domains).not.toContain('clilimit.example');
    await expect(cli('blocklists', 'undo', '--yes')).rejects.toMatchObject({ code: 'conflict' });
  });
});
