/** Signed checkpoints: CLI export and verify, scheduled delivery to a file and a webhook (issue 8, point 3). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { runCommand } from '@/lib/cli/commands';
import { parseArgs } from '@/lib/cli/args';
import { runAuditCheckpointTick } from '@/lib/audit/checkpoint-tick';
import { checkpointLine, parseCheckpointFile } from '@/lib/audit/checkpoint-file';
import { recordEvent } from '@/lib/audit/record-event';
import { DEFAULT_FETCH_POLICY } from '@/lib/net/fetch-policy';
import { startTestServer, type TestServer } from '@/lib/net/test-server';

const actor = { type: 'system' as const, label: 'test' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-cp-'));
let owner: pg.Client;
let hook: TestServer;
const received: string[] = [];

async function record(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await db.$transaction((tx) => recordEvent(tx, { actor, action: 'test.event', details: { i } }));
}

async function cli(line: string): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCommand(parseArgs(line.split(' ')), (l) => out.push(l));
  return { code, out };
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: env().DATABASE_OWNER_URL });
  await owner.connect();
  hook = await startTestServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push(body);
      res.writeHead(204).end();
    });
  });
  await record(4);
});
afterAll(async () => {
  await owner.end();
  await hook.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('audit checkpoints', () => {
  it('`audit checkpoint --out` exports one that `audit verify --checkpoint` accepts, until the log is rolled back', async () => {
    const file = path.join(dir, 'cp.jsonl');
    const exported = await cli(`audit checkpoint --out ${file}`);
    expect(exported.code).toBe(0);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    const [cp] = parseCheckpointFile(fs.readFileSync(file, 'utf8'));
    // The export itself is audited, and the checkpoint covers that event.
    expect(cp).toMatchObject({ count: BigInt(5), lastSeq: BigInt(5) });
    expect(await db.auditEvent.findUniqueOrThrow({ where: { seq: BigInt(5) } })).toMatchObject({ action: 'audit.checkpoint.exported' });

    await record(1);
    const good = await cli(`audit verify --checkpoint ${file}`);
    expect(good).toMatchObject({ code: 0, out: [expect.stringMatching(/intact: 6 events checked, consistent with 1 checkpoint/)] });

    // Roll back to #3: the head check would catch it too, but the checkpoint names how far the log reached.
    await owner.query('set session_replication_role = replica');
    await owner.query('delete from "AuditEvent" where seq > 3');
    await owner.query('set session_replication_role = origin');
    const bad = await cli(`audit verify --checkpoint ${file}`);
    expect(bad.code).toBe(1);
    expect(bad.out[0]).toMatch(/BROKEN at event #5: .*checkpoint .* reached #5/);
  });

  it('parses JSON lines and a pretty-printed checkpoint, and refuses anything else', () => {
    const c = { count: BigInt(2), lastSeq: BigInt(2), lastHash: 'a'.repeat(64), at: new Date('2026-12-01T00:00:00Z'), mac: 'b'.repeat(64) };
    const line = checkpointLine(c);
    expect(parseCheckpointFile(`${line}\n${line}\n`)).toEqual([c, c]);
    expect(parseCheckpointFile(JSON.stringify(JSON.parse(line), null, 2))).toEqual([c]);
    expect(() => parseCheckpointFile('{"type":"other"}')).toThrow(/not a fedimod audit checkpoint/);
    expect(() => parseCheckpointFile('')).toThrow(/empty/);
  });
});

describe('scheduled checkpoints', () => {
  it('does nothing without a target, then delivers to a file and a webhook at most once per interval', async () => {
    // Fresh, consistent log for this test.
    await owner.query('set session_replication_role = replica');
    await owner.query('delete from "AuditEvent"');
    await owner.query(`update "AuditHead" set count = 0, "lastSeq" = 0, "lastHash" = repeat('0', 64), mac = null`);
    await owner.query('set session_replication_role = origin');
    expect(await runAuditCheckpointTick(new Date(), {})).toBeNull();

    const file = path.join(dir, 'ticks.jsonl');
    const targets = {
      file,
      webhookUrl: `http://checkpoints.test:${hook.port}/audit`,
      fetchPolicy: { ...DEFAULT_FETCH_POLICY, resolve: async () => ['127.0.0.1'], unsafeTrustedHosts: ['checkpoints.test'] },
    };
    const t0 = new Date(Date.now() + 24 * 3600_000); // later than any checkpoint the other tests made
    const first = await runAuditCheckpointTick(t0, targets);
    // The head was unsigned (as right after the upgrade): the tick signed it with one event first.
    expect(first).toMatchObject({ count: BigInt(1), lastSeq: BigInt(1) });
    expect((await db.auditHead.findUniqueOrThrow({ where: { id: 1 } })).mac).not.toBeNull();
    expect(fs.readFileSync(file, 'utf8')).toBe(`${checkpointLine(first!)}\n`);
    expect(received).toEqual([checkpointLine(first!)]);

    await record(2);
    const minutes = env().AUDIT_CHECKPOINT_MINUTES;
    expect(await runAuditCheckpointTick(new Date(t0.getTime() + 60_000), targets)).toBeNull(); // within the interval
    const second = await runAuditCheckpointTick(new Date(t0.getTime() + minutes * 60_000), targets);
    expect(second).toMatchObject({ count: BigInt(3), lastSeq: BigInt(3) });
    expect(await runAuditCheckpointTick(new Date(t0.getTime() + 3 * minutes * 60_000), targets)).toBeNull(); // nothing new
    // The appended file is itself a valid input for verify.
    expect(await cli(`audit verify --checkpoint ${file}`)).toMatchObject({ code: 0 });
  });

  it('sends the webhook through the SSRF policy: a private address is refused', async () => {
    await record(1);
    const before = hook.connections();
    await expect(runAuditCheckpointTick(new Date(Date.now() + 1000 * 24 * 3600_000), { webhookUrl: `${hook.origin}/audit` })).rejects.toThrow(/webhook: .*forbidden address/);
    expect(hook.connections()).toBe(before);
  });
});
