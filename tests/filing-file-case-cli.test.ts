/**
 * `cases file CASE --to ncmec` (issue 11, point 5) against the fake CyberTipline and real fakes: without --yes it
 * prints what would be sent and files nothing (exit 2); with --yes --wait it files and drives the report to the end
 * in-process and prints the CyberTipline report id; a second run prints the same id and files nothing new;
 * `cases show --json` carries `filings`.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { fileCaseCommand } from '@/lib/filing/cli-file';
import { updateNcmecSettings } from '@/lib/filing/settings/ncmec-settings';
import { KNOWN_BAD, knownBadImage } from '@/e2e/fakes/federation/known-bad';
import { startFakeAkkoma } from '@/e2e/fakes/akkoma/server';
import { startFakeNcmec, type FakeNcmec } from '@/e2e/fakes/ncmec/server';
import { systemActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';

const actor = { type: 'system' as const, label: 'cli' };
let world: World;
let ncmec: FakeNcmec;
let number: number;

async function fileCli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await fileCaseCommand(parseArgs(['cases', 'file', ...argv]), (l) => lines.push(l), actor, async () => {});
  return { code, lines };
}
async function show(): Promise<{ filings: unknown[] }> {
  const lines: string[] = [];
  expect(await runCommand(parseArgs(['cases', 'show', String(number), '--json']), (l) => lines.push(l))).toBe(0);
  return JSON.parse(lines[0]) as { filings: unknown[] };
}

beforeAll(async () => {
  ncmec = await startFakeNcmec({ username: 'collective-test', password: 's3cret-cli-password' });
  world = await purgeWorld([{ name: 'akkoma', start: () => startFakeAkkoma({ reports: 1, seed: 1401, knownBad: {} }) }], 1400);
  number = (await db.case.findUniqueOrThrow({ where: { id: world.caseId } })).number;
  await updateNcmecSettings({
    ctx: { actor: systemActor },
    input: {
      environment: 'custom', baseUrl: `${ncmec.url}/ispws`, allowPrivate: true, username: 'collective-test', password: 's3cret-cli-password',
      reporter: { firstName: 'Ada', lastName: 'Example', email: 'safety@collective.example' }, organization: { name: 'Synthetic Collective' },
    },
  });
}, 90_000);
afterAll(async () => { await world?.close(); await ncmec?.close(); });

describe('cases file', () => {
  it('without --yes prints what would be sent and exits 2, filing nothing', async () => {
    const r = await fileCli(String(number), '--to', 'ncmec');
    expect(r.code).toBe(2);
    const text = r.lines.join('\n');
    expect(text).toContain(`To: CyberTipline CUSTOM environment (${ncmec.url}/ispws)`);
    expect(text).toContain('Incident type: Child Pornography (possession, manufacture, and distribution)');
    expect(text).toContain(`  ${KNOWN_BAD.post.url}`);
    const md5 = crypto.createHash('md5').update(await knownBadImage()).digest('hex');
    expect(text).toMatch(new RegExp(`  file\\.png  \\d+ bytes  MD5 ${md5}  SHA-256 [0-9a-f]{64}`));
    expect(r.lines.at(-1)).toBe('Nothing was filed: re-run with --yes to file this report.');
    expect(text).not.toContain('s3cret');
    expect(await db.filing.count()).toBe(0);
    expect(ncmec.state.reports.size).toBe(0);
    expect((await show()).filings).toEqual([]);
    expect((await fileCli(String(number))).code).toBe(2); // --to is required
    expect((await fileCli('--to', 'ncmec')).code).toBe(2);
  });

  it('with --yes --wait files and finishes the report, printing its id; a second run files nothing new', { timeout: 60_000 }, async () => {
    const r = await fileCli(`#${number}`, '--to', 'ncmec', '--yes', '--wait');
    expect(r.lines.join('\n')).not.toContain('s3cret');
    expect(r.code).toBe(0);
    const row = await db.filing.findFirstOrThrow({ where: { caseId: world.caseId } });
    expect(row).toMatchObject({ state: 'finished', problem: null });
    expect(r.lines.at(-1)).toBe(`CyberTipline report ${row.reportId}`);
    expect(ncmec.state.reports.size).toBe(1);
    // Every copy holds the same bytes: one upload, whose hashes are the image's.
    const sent = [...ncmec.state.reports.values()][0];
    const png = await knownBadImage();
    expect(sent).toMatchObject({ reportId: Number(row.reportId), state: 'finished', xml: row.reportXml });
    expect(sent.files.map((f) => [f.md5, f.sha256])).toEqual([[crypto.createHash('md5').update(png).digest('hex'), crypto.createHash('sha256').update(png).digest('hex')]]);

    const again = await fileCli(String(number), '--to', 'ncmec', '--yes', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.lines.at(-1)!)).toEqual({ to: 'ncmec', reportId: row.reportId, state: 'finished', problem: null });
    expect(ncmec.state.reports.size).toBe(1);
    expect(await db.filing.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'filing.requested', targetId: world.caseId } })).toBe(1);
    expect((await show()).filings).toEqual([{ to: 'ncmec', reportId: row.reportId, state: 'finished', problem: null }]);
  });
});
