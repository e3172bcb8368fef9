import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import type { Actor } from '@/lib/audit/actor';
import { verifyRows } from '@/lib/audit/chain';
import { deriveKey } from '@/lib/crypto/master-key';
import { queryAudit } from '@/lib/audit/query-audit';
import { exportAudit } from '@/lib/audit/export-audit';
import { auditExportPages } from '@/lib/audit/export-pages';
import { listAuditActions } from '@/lib/audit/list-audit-actions';
import { listAuditInstances } from '@/lib/audit/list-audit-instances';
import { verifyAudit } from '@/lib/audit/verify-audit';
import { CSV_HEADER } from '@/lib/audit/export-format';
import { AppError } from '@/lib/errors';
import { requireApiActor } from '@/lib/auth/current-actor';
import { GET as auditGet } from '@/app/api/audit/route';
import { GET as exportGet } from '@/app/api/audit/export/route';
import { GET as verifyGet } from '@/app/api/audit/verify/route';
import { POST as checkpointPost } from '@/app/api/audit/checkpoint/route';
import { parseCheckpointFile } from '@/lib/audit/checkpoint-file';
import { verifyAuditChain } from '@/lib/audit/verify-chain';

// The session layer is stubbed (it is tested with the auth code); the routes must still ask it for 'admin'.
const session = vi.hoisted(() => ({ actor: null as unknown }));
vi.mock('@/lib/auth/current-actor', () => ({ requireApiActor: vi.fn(async () => session.actor) }));

const user = (email: string, role: 'owner' | 'admin' | 'moderator' | 'viewer'): Actor =>
  ({ type: 'user', id: crypto.randomUUID(), email, role, instanceIds: null, ip: '203.0.113.7' });

const ADMIN_EMAIL = 'Alice.Admin@example.org';
const admin = user(ADMIN_EMAIL, 'admin');
const moderator = user('bob@example.org', 'moderator');
const viewer = user('vera@example.org', 'viewer');
const evil = user('=1+1@evil.example', 'moderator');
const system: Actor = { type: 'system', label: 'sync' };
const asAdmin = { actor: admin };

let instA = '';
let instB = '';
let t1 = new Date();
let t2 = new Date();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const record = (actor: Actor, action: string, more: Record<string, unknown> = {}) =>
  db.$transaction((tx) => recordEvent(tx, { actor, action, ...more }));

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

/** A strict RFC 4180 reader, so the test checks the quoting instead of trusting a lenient parser. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (c === '"' || c === '\n' || c === '\r') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    cell += c; i++;
  }
  if (cell !== '' || row.length) throw new Error('missing final CRLF');
  return rows;
}

async function expectForbidden(p: Promise<unknown>) {
  const e = await p.catch((err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('forbidden');
}

beforeAll(async () => {
  const mk = (name: string) => db.instance.create({
    data: { name, kind: 'mastodon', baseUrl: `https://${name}.example`, domain: `${name}.example`, tokenSealed: 'x', webhookSecretSealed: 'x' },
  });
  instA = (await mk('alpha')).id;
  instB = (await mk('beta')).id;

  await record(admin, 'auth.sign_in');
  await record(moderator, 'report.resolve.requested', { instanceId: instA, targetType: 'report', targetId: 'r1' });
  await record(system, 'account.action.succeeded', { instanceId: instA, targetType: 'account', targetId: 'a1' });
  await sleep(15);
  t1 = new Date();
  await sleep(15);
  await record(moderator, 'media.reveal', { instanceId: instB, targetType: 'media', targetId: 'm1' });
  await record(admin, 'instance.added', { instanceId: instB, targetType: 'instance', targetId: instB });
  await sleep(15);
  t2 = new Date();
  await sleep(15);
  await record({ type: 'webhook', instanceId: instA }, 'report.received', { targetType: 'report', targetId: 'r2' });
  await record(evil, 'report.resolve.requested', {
    instanceId: instB, targetType: '@account', targetId: '=HYPERLINK("http://x","y")',
    details: { note: 'he said "no", then\nleft', n: -1 },
  });
  await record(system, 'reports.bulk_import');
  await record(user('a_b@example.org', 'admin'), 'auth.sign_in');
  await record(user('axb@example.org', 'admin'), 'auth.sign_in');
});

describe('queryAudit filters', () => {
  it('filters by actor (case-insensitive contains, wildcards literal)', async () => {
    const { items } = await queryAudit({ ctx: asAdmin, input: { actor: 'alice.ADMIN' } });
    expect(items.map((i) => i.action)).toEqual(['instance.added', 'auth.sign_in']);
    const underscore = await queryAudit({ ctx: asAdmin, input: { actor: 'a_b' } });
    expect(underscore.items.map((i) => i.actorLabel)).toEqual(['a_b@example.org']);
    expect((await queryAudit({ ctx: asAdmin, input: { actor: '\\' } })).items).toEqual([]);
  });

  it('filters by action prefix or exact name', async () => {
    const prefix = await queryAudit({ ctx: asAdmin, input: { action: 'report.' } });
    expect(prefix.items.map((i) => i.action)).toEqual(['report.resolve.requested', 'report.received', 'report.resolve.requested']);
    const exact = await queryAudit({ ctx: asAdmin, input: { action: 'media.reveal' } });
    expect(exact.items).toHaveLength(1);
    expect((await queryAudit({ ctx: asAdmin, input: { action: '%' } })).items).toEqual([]);
    expect((await queryAudit({ ctx: asAdmin, input: { action: 'reports.bulk_' } })).items.map((i) => i.action)).toEqual(['reports.bulk_import']);
  });

  it('filters by instance and returns its name', async () => {
    const { items } = await queryAudit({ ctx: asAdmin, input: { instanceId: instA } });
    expect(items.map((i) => i.action)).toEqual(['report.received', 'account.action.succeeded', 'report.resolve.requested']);
    expect(items.every((i) => i.instanceName === 'alpha')).toBe(true);
  });

  it('filters by date range, inclusive', async () => {
    const { items } = await queryAudit({ ctx: asAdmin, input: { from: t1, to: t2 } });
    expect(items.map((i) => i.action)).toEqual(['instance.added', 'media.reveal']);
    const iso = await queryAudit({ ctx: asAdmin, input: { from: t1.toISOString(), to: t2.toISOString() } });
    expect(iso.items.map((i) => i.seq)).toEqual(items.map((i) => i.seq));
  });

  it('returns items in the documented shape', async () => {
    const [item] = (await queryAudit({ ctx: asAdmin, input: { action: 'media.reveal' } })).items;
    expect(item).toMatchObject({ actorType: 'user', actorLabel: 'bob@example.org', targetType: 'media', targetId: 'm1', instanceId: instB, instanceName: 'beta', ip: '203.0.113.7', details: {} });
    expect(item.seq).toMatch(/^\d+$/);
    expect(new Date(item.at).toISOString()).toBe(item.at);
    expect(item.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('keyset pagination', () => {
  it('returns every event exactly once, newest first', async () => {
    const total = await db.auditEvent.count();
    const seqs: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await queryAudit({ ctx: asAdmin, input: { limit: 3, cursor } });
      seqs.push(...page.items.map((i) => i.seq));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seqs).toHaveLength(total);
    expect(new Set(seqs).size).toBe(total);
    expect(seqs.map(BigInt)).toEqual([...seqs.map(BigInt)].sort((a, b) => (a > b ? -1 : 1)));
  });

  it('keeps the filters across pages and ends with a null cursor', async () => {
    const first = await queryAudit({ ctx: asAdmin, input: { action: 'report.', limit: 2 } });
    expect(first.nextCursor).not.toBeNull();
    const second = await queryAudit({ ctx: asAdmin, input: { action: 'report.', limit: 2, cursor: first.nextCursor ?? undefined } });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  it('export pages read each row once, oldest first', async () => {
    const seqs: bigint[] = [];
    for await (const rows of auditExportPages({}, BigInt(1_000_000), 2)) seqs.push(...rows.map((r) => BigInt(r.seq)));
    expect(seqs).toHaveLength(await db.auditEvent.count());
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
  });
});

describe('authorization', () => {
  it('refuses moderators and viewers everywhere, and writes nothing for a refused export', async () => {
    const before = await db.auditEvent.count();
    for (const actor of [moderator, viewer]) {
      await expectForbidden(queryAudit({ ctx: { actor }, input: {} }));
      await expectForbidden(exportAudit({ ctx: { actor }, input: { format: 'csv' } }));
      await expectForbidden(listAuditActions({ ctx: { actor } }));
      await expectForbidden(listAuditInstances({ ctx: { actor } }));
      await expectForbidden(verifyAudit({ ctx: { actor } }));
    }
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('lets admins list action names and instances, and verify', async () => {
    expect(await listAuditActions({ ctx: asAdmin })).toContain('media.reveal');
    expect((await listAuditInstances({ ctx: asAdmin })).map((i) => i.name)).toEqual(['alpha', 'beta']);
    expect((await verifyAudit({ ctx: asAdmin })).ok).toBe(true);
  });
});

describe('exportAudit', () => {
  it('writes CSV with RFC 4180 quoting and formula-injection escaping', async () => {
    const file = await exportAudit({ ctx: asAdmin, input: { format: 'csv', instanceId: instB } });
    expect(file.filename).toMatch(/^fedimod-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await collect(file);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(CSV_HEADER);
    expect(rows.map((r) => r[4])).toEqual(['media.reveal', 'instance.added', 'report.resolve.requested']);
    const row = rows[2];
    expect(row[3]).toBe("'=1+1@evil.example");
    expect(row[5]).toBe("'@account");
    expect(row[6]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(row[8]).toBe('beta');
    expect(JSON.parse(row[10])).toEqual({ note: 'he said "no", then\nleft', n: -1 });
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  });

  it('writes a JSON array that parses back to the same rows and re-verifies as a chain', async () => {
    const file = await exportAudit({ ctx: asAdmin, input: { format: 'json' } });
    const parsed = JSON.parse(await collect(file)) as Record<string, unknown>[];
    const db_rows = await db.auditEvent.findMany({ where: { seq: { lt: BigInt(file.exportSeq) } }, orderBy: { seq: 'asc' } });
    expect(parsed.map((r) => r.seq)).toEqual(db_rows.map((r) => r.seq.toString()));
    for (const [i, r] of db_rows.entries()) {
      expect(parsed[i]).toMatchObject({ at: r.at.toISOString(), actorLabel: r.actorLabel, action: r.action, details: r.details, prevHash: r.prevHash, hash: r.hash });
    }
    // Everything the MAC covers is in the file, so whoever holds the audit key can re-verify the export alone.
    const asChain = parsed.map((r) => ({ ...r, at: new Date(String(r.at)) }) as Parameters<typeof verifyRows>[0][number]);
    expect(verifyRows(asChain, await deriveKey('audit')).ok).toBe(true);
  });

  it('records audit.exported with the filters and format before streaming', async () => {
    const file = await exportAudit({ ctx: asAdmin, input: { format: 'json', action: 'report.', from: t1 } });
    const event = await db.auditEvent.findUniqueOrThrow({ where: { seq: BigInt(file.exportSeq) } });
    expect(event).toMatchObject({ action: 'audit.exported', actorLabel: ADMIN_EMAIL, ip: '203.0.113.7', targetType: 'audit_log' });
    expect(event.details).toEqual({ format: 'json', filters: { action: 'report.', from: t1.toISOString() } });
    // Rows appended while the file streams are outside its snapshot.
    await record(moderator, 'report.resolve.requested', { instanceId: instA });
    const rows = JSON.parse(await collect(file)) as { seq: string }[];
    expect(rows.every((r) => BigInt(r.seq) < BigInt(file.exportSeq))).toBe(true);
    expect(rows).toHaveLength(2);
    expect(JSON.parse(await collect(await exportAudit({ ctx: asAdmin, input: { format: 'json', action: 'nothing.' } })))).toEqual([]);
  });
});

describe('audit routes', () => {
  const get = (route: (req: Request) => Promise<Response>, path: string) => route(new Request(`http://app.test${path}`));

  it('pages through /api/audit and refuses bad params', async () => {
    session.actor = admin;
    const res = await get(auditGet, '/api/audit?action=report.&limit=2');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { items: { action: string }[]; nextCursor: string | null };
    expect(body.items).toHaveLength(2);
    expect(body.nextCursor).toMatch(/^\d+$/);
    expect(vi.mocked(requireApiActor)).toHaveBeenLastCalledWith(expect.any(Request), 'admin');
    expect((await get(auditGet, '/api/audit?limit=9999')).status).toBe(400);
    expect((await get(auditGet, '/api/audit?from=soon')).status).toBe(400);
    expect((await get(auditGet, '/api/audit?actor=&action=')).status).toBe(200);
  });

  it('streams the export as an attachment, never cached', async () => {
    session.actor = admin;
    const res = await get(exportGet, `/api/audit/export?format=csv&instanceId=${instA}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="fedimod-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual(CSV_HEADER);
    expect(rows.every((r) => r[7] === instA)).toBe(true);
    const json = await get(exportGet, '/api/audit/export?format=json');
    expect(json.headers.get('content-disposition')).toMatch(/\.json"$/);
    expect(Array.isArray(await json.json())).toBe(true);
    expect((await get(exportGet, '/api/audit/export?format=xml')).status).toBe(400);
  });

  it('verifies the chain for admins, and the verbs refuse a moderator even past the choke point', async () => {
    session.actor = admin;
    const ok = (await (await get(verifyGet, '/api/audit/verify')).json()) as { ok: boolean; checked: number };
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBe(await db.auditEvent.count());
    session.actor = moderator;
    for (const [route, path] of [[auditGet, '/api/audit'], [exportGet, '/api/audit/export?format=json'], [verifyGet, '/api/audit/verify']] as const) {
      expect((await get(route, path)).status).toBe(403);
    }
  });

  it('signs a checkpoint for download, covering its own audit event; moderators are refused', async () => {
    session.actor = admin;
    const res = await checkpointPost(new Request('http://app.test/api/audit/checkpoint', { method: 'POST' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-checkpoint-\d+-[\dT-]+Z\.jsonl"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [cp] = parseCheckpointFile(await res.text());
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    expect(last).toMatchObject({ seq: cp.lastSeq, hash: cp.lastHash, action: 'audit.checkpoint.exported', actorLabel: ADMIN_EMAIL });
    expect((await verifyAuditChain({ checkpoints: [cp] })).ok).toBe(true);
    session.actor = moderator;
    expect((await checkpointPost(new Request('http://app.test/api/audit/checkpoint', { method: 'POST' }))).status).toBe(403);
  });
});
