/**
 * `cases purge CASE --yes [--wait]` through the CLI's own dispatcher (issue 10, point 7), against real fakes: without
 * --yes it prints the plan and changes nothing (exit 2); with --yes --wait it runs the default plan in-process and
 * prints a receipt per copy, exiting 0 only if every copy is removed or accepted. `cases show --json` then carries
 * each copy's receipt and the evidence seal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { startFakeMisskey } from '@/e2e/fakes/misskey/server';
import { purgeWorld, type World } from './purge-support';

let world: World;
let number: number;
let cached: World;

async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCommand(parseArgs(argv), (l) => lines.push(l));
  return { code, lines };
}

beforeAll(async () => {
  world = await purgeWorld([{ name: 'misskey', start: () => startFakeMisskey({ reports: 1, seed: 1501, knownBad: {} }) }], 1500);
  number = (await db.case.findUniqueOrThrow({ where: { id: world.caseId } })).number;
  // A second case whose Misskey copy sits behind a cache that keeps serving deleted files.
  cached = await purgeWorld([{ name: 'cached-misskey', start: () => startFakeMisskey({ reports: 1, seed: 1502, knownBad: {} }) }], 1503);
  const res = await fetch(`${cached.fakes.get('cached-misskey')!.url}/__fake/keep-serving`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"on":true}' });
  expect(res.status).toBe(200);
}, 120_000);
afterAll(async () => { await world?.close(); await cached?.close(); });

describe('cases purge', () => {
  it('prints the plan and exits 2 without --yes, changing nothing; exits 2 on usage', async () => {
    const r = await cli('cases', 'purge', String(number));
    expect(r.code).toBe(2);
    expect(r.lines.join('\n')).toMatch(/misskey: Delete the note and its drive file: Delete post .+; Delete file /);
    expect(r.lines.at(-1)).toBe('add --yes to run it');
    expect(await db.purgeRun.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
    expect((await cli('cases', 'purge')).code).toBe(2);
    expect((await cli('cases', 'purge', String(number), '--timeout', 'soon')).code).toBe(2);
  });

  it('with --yes --wait runs the default plan and exits 0 only when every copy is removed or accepted', { timeout: 60_000 }, async () => {
    const r = await cli('cases', 'purge', `#${number}`, '--yes', '--wait', '--timeout', '40');
    const copies = await db.caseCopy.findMany({ where: { caseId: world.caseId } });
    const verdicts = copies.map((c) => c.receiptVerdict);
    expect(verdicts.every((v) => v !== null)).toBe(true);
    // Both fakes really remove: the Mastodon account deletion and the Misskey note + file deletion make the files 404.
    expect(verdicts).toEqual(copies.map(() => 'removed'));
    expect(r.code).toBe(0);
    // One receipt line per copy, after the plan and the start line.
    expect(r.lines.filter((l) => /: (removed|still_served|cannot_verify|accepted|no receipt)/.test(l))).toHaveLength(copies.length);
    expect(r.lines.some((l) => l.startsWith('started run '))).toBe(true);

    const shown = JSON.parse((await cli('cases', 'show', String(number), '--json')).lines[0]) as { copies: { receipt: unknown }[]; evidence: { manifestSha256: string | null } };
    expect(shown.copies).toHaveLength(copies.length);
    for (const c of shown.copies) expect(c.receipt).toMatchObject({ verdict: expect.any(String), checkedAt: expect.any(String) });
    expect(shown.evidence.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exits 1 when a copy is still served (here after its --timeout, the re-check being minutes away)', { timeout: 60_000 }, async () => {
    expect(cached.caseId).not.toBe(world.caseId);
    const n = (await db.case.findUniqueOrThrow({ where: { id: cached.caseId } })).number;
    const r = await cli('cases', 'purge', String(n), '--yes', '--wait', '--timeout', '2');
    expect(r.code).toBe(1);
    expect(r.lines.some((l) => l.startsWith('timed out after 2 s'))).toBe(true);
    expect(r.lines.some((l) => l.startsWith('cached-misskey ') && l.includes(': still_served'))).toBe(true);
    expect((await db.case.findUniqueOrThrow({ where: { id: cached.caseId } })).state).not.toBe('purged');
  });
});
