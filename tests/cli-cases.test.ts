/**
 * Issue 9 point 7: `cases list --json`, `cases open --media MEDIA_ID` and `cases show CASE --json` through the
 * CLI's own dispatcher (runCommand), against the real database and the real case verbs; the JSON is checked with
 * a strict zod schema, because scripts depend on its exact shape. Remote lookups are not this file's subject
 * (tests/cases-remote-*.test.ts): the search a newly opened case requests is stubbed.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { db } from '@/lib/db';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { hashesOf, shapesPng } from './matching-fixtures';
import { makeAccount, makeInstance, makeReport } from './queue-fixtures';

vi.mock('@/lib/cases/request-copy-search', () => ({ requestCopySearch: vi.fn(async () => ({ instances: 0 })) }));

const copyJson = z.strictObject({
  instanceUrl: z.url(),
  postUrl: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  foundBy: z.enum(['sha256', 'md5', 'origin_uri', 'media_url', 'pdq']),
  state: z.enum(['present', 'removed', 'cannot_check', 'error']),
});
const caseJson = z.strictObject({
  id: z.uuid(),
  number: z.number().int().positive(),
  title: z.string(),
  state: z.enum(['open', 'purging', 'purged', 'closed']),
  severity: z.number().int().min(0).max(5),
  label: z.string().nullable(),
  copies: z.array(copyJson),
});
// Issue 10: `cases show --json` adds each copy's latest receipt and the case's evidence seal.
const showJson = caseJson.extend({
  copies: z.array(copyJson.extend({ receipt: z.strictObject({ verdict: z.enum(['removed', 'still_served', 'cannot_verify', 'accepted']), checkedAt: z.string(), httpStatus: z.number().int().nullable() }).nullable() })),
  evidence: z.strictObject({ sealedAt: z.string().nullable(), retainUntil: z.string().nullable(), manifestSha256: z.string().nullable() }),
  // Issue 11: and the case's filings.
  filings: z.array(z.strictObject({
    to: z.literal('ncmec'), reportId: z.string().nullable(),
    state: z.enum(['pending', 'submitted', 'files_uploaded', 'file_info_sent', 'finished', 'retracted']), problem: z.enum(['rejected', 'failed', 'uncertain']).nullable(),
  })),
});
const asListed = (x: z.infer<typeof showJson>) => ({ ...x, copies: x.copies.map(({ receipt: _r, ...c }) => c), evidence: undefined, filings: undefined });

async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCommand(parseArgs(argv), (l) => lines.push(l));
  return { code, lines };
}

/** One reported post holding one image, on its own instance (the same picture on each: one item, two copies). */
async function reportedImage(name: string, hashes: Awaited<ReturnType<typeof hashesOf>>) {
  const inst = await makeInstance(name);
  const target = await makeAccount(inst.id);
  const report = await makeReport({ instanceId: inst.id, targetId: target.id, mediaCount: 1 });
  const status = await db.status.create({ data: { instanceId: inst.id, remoteId: `s-${name}`, accountId: target.id, url: `${inst.baseUrl}/@${target.acct}/1` } });
  await db.reportStatusLink.create({ data: { reportId: report.id, statusId: status.id } });
  const media = await db.media.create({
    data: { instanceId: inst.id, statusId: status.id, remoteId: `m-${name}`, type: 'image', url: `${inst.baseUrl}/files/${name}.png`, state: 'done', mime: 'image/png', ...hashes, pdqDihedral: hashes.pdqDihedral ?? undefined },
  });
  return { inst, media };
}

let one: Awaited<ReturnType<typeof reportedImage>>;
let two: Awaited<ReturnType<typeof reportedImage>>;
beforeAll(async () => {
  const hashes = await hashesOf(await shapesPng());
  one = await reportedImage('cli-one', hashes);
  two = await reportedImage('cli-two', hashes);
});

describe('cases CLI', () => {
  it('lists nothing before a case exists', async () => {
    expect(await cli('cases', 'list', '--json')).toEqual({ code: 0, lines: ['[]'] });
    expect((await cli('cases', 'list')).lines).toEqual(['No cases.']);
  });

  it('opens a case from a media id, prints only its id, and prints the same id for a copy already in it', async () => {
    const opened = await cli('cases', 'open', '--media', one.media.id);
    expect(opened.code).toBe(0);
    expect(opened.lines).toHaveLength(1);
    const id = z.uuid().parse(opened.lines[0]);
    const row = await db.case.findUniqueOrThrow({ where: { id } });
    expect(row.openedVia).toBe('cli');
    expect(row.openedByLabel).toBe('system:cli');
    expect(await db.auditEvent.count({ where: { action: 'case.opened', targetId: id } })).toBe(1);

    const again = await cli('cases', 'open', '--media', two.media.id, '--json');
    expect(JSON.parse(again.lines[0])).toEqual({ id, number: row.number, created: false });
    expect(await db.case.count()).toBe(1);
  });

  it('list --json and show --json print the issue\'s shape, with the copy on each instance', async () => {
    const list = z.array(caseJson).parse(JSON.parse((await cli('cases', 'list', '--json')).lines[0]));
    expect(list).toHaveLength(1);
    const [c] = list;
    expect(c.state).toBe('open');
    expect(c.copies.map((x) => x.instanceUrl).sort()).toEqual([one.inst.baseUrl, two.inst.baseUrl].sort());
    expect(c.copies.every((x) => x.state === 'present')).toBe(true);
    // The second instance's copy has the same bytes: found by SHA-256, the strongest way.
    expect(c.copies.find((x) => x.instanceUrl === two.inst.baseUrl)?.foundBy).toBe('sha256');
    expect(c.copies.map((x) => x.mediaUrl).sort()).toEqual([one.media.url, two.media.url].sort());

    const byNumber = asListed(showJson.parse(JSON.parse((await cli('cases', 'show', String(c.number), '--json')).lines[0])));
    const byId = asListed(showJson.parse(JSON.parse((await cli('cases', 'show', c.id, '--json')).lines[0])));
    const sortCopies = (x: z.infer<typeof caseJson>) => ({ ...x, copies: [...x.copies].sort((a, b) => a.instanceUrl.localeCompare(b.instanceUrl)) });
    expect(sortCopies(byNumber)).toEqual(sortCopies(c));
    expect(byId).toEqual(byNumber);
    // `--json` before the case still reads the case.
    expect(showJson.parse(JSON.parse((await cli('cases', 'show', '--json', `#${c.number}`)).lines[0])).id).toBe(c.id);
  });

  it('prints readable text without --json', async () => {
    const [c] = await db.case.findMany();
    const text = (await cli('cases', 'list')).lines.join('\n');
    expect(text).toContain(`#${c.number}`);
    expect(text).toMatch(/2 copies on 2 instances/);
    const shown = (await cli('cases', 'show', c.id)).lines.join('\n');
    expect(shown).toContain(one.inst.baseUrl);
    expect(shown).toContain(two.inst.baseUrl);
  });

  it('refuses unknown cases and media with a clear message, changing nothing', async () => {
    const before = await db.auditEvent.count();
    for (const ref of ['424242', crypto.randomUUID(), 'not-a-case']) {
      await expect(cli('cases', 'show', ref, '--json')).rejects.toMatchObject({ code: 'not_found', userMessage: `No case ${ref}.` });
    }
    const ghost = crypto.randomUUID();
    await expect(cli('cases', 'open', '--media', ghost)).rejects.toMatchObject({ code: 'not_found', userMessage: `No media ${ghost}.` });
    await expect(cli('cases', 'open', '--media', 'nope')).rejects.toThrow(/cases open --media MEDIA_ID/);
    await expect(cli('cases', 'open')).rejects.toThrow(/cases open --media MEDIA_ID/);
    await expect(cli('cases', 'list', '--state', 'sideways')).rejects.toThrow(/--state must be/);
    expect(await db.case.count()).toBe(1);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('exits non-zero with the message when run as `npm run cli`', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'cases', 'show', '424242', '--json'], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/error: No case 424242\./);
  }, 30_000);
});
