/**
 * Notification deliveries over real HTTP to the chat fake: a signed JSON POST arrives once and verifies (the fake
 * checks with its own HMAC code); the Matrix send uses the delivery id as txnId, and a resend after a crash (the
 * "done" write lost, the lease lapsed) is the same txnId and one event in the room; 500 forever backs off and
 * fails after 8 attempts; 404 fails at once; the secret and token never appear in rows, audit or errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { startChatReceiver, type ChatReceiver } from '@/e2e/fakes/chat/server';
import { backoffMs, deliverNotification, dueDeliveries, MAX_ATTEMPTS } from '@/lib/notify/deliver-notification';
import { notifyEvent } from '@/lib/notify/notify-event';
import { saveHook } from '@/lib/notify/save-hook';
import { testHook } from '@/lib/notify/test-hook';
import type { NotifyPayload } from '@/lib/notify/types';
import { systemActor } from './support/fixtures';

const queued: { id: string; at?: Date }[] = [];
vi.mock('@/lib/jobs/enqueue', async (orig) => ({
  ...(await orig<typeof import('@/lib/jobs/enqueue')>()),
  enqueueNotifyDelivery: vi.fn(async (id: string, at?: Date) => void queued.push({ id, at })),
}));

const SECRET = 'hook-signing-secret-5f2a9c';
const TOKEN = 'syt_matrix_token_77d1e0';
const ctx = { actor: systemActor };
let chat: ChatReceiver;

const payload = (over: Partial<NotifyPayload> = {}): NotifyPayload => ({
  event: 'hold.placed', summary: 'Held on Alpha: bank match, severity 5 (test) — rule Known bad', holdId: '00000000-0000-4000-8000-00000000a001',
  ruleName: 'Known bad', instanceName: 'Alpha', url: 'http://localhost:3000/reports/r1', severity: 5, label: 'test',
  step: 'Marked the post sensitive', dueAt: '2026-12-03T12:00:00.000Z', at: '2026-12-03T11:00:00.000Z', ...over,
});

beforeAll(async () => {
  chat = await startChatReceiver({ secret: SECRET, token: TOKEN });
});
afterAll(async () => chat.close());
beforeEach(async () => {
  await db.notifyDelivery.deleteMany();
  await db.notifyHook.deleteMany();
  chat.records.json.length = 0;
  chat.records.matrix.length = 0;
  chat.records.events.length = 0;
  chat.setMode('ok');
  queued.length = 0;
});

async function jsonHook() {
  return saveHook({ ctx, input: { name: 'Chat', kind: 'json', url: `${chat.url}/hook`, secret: SECRET, allowPrivate: true, enabled: true, events: ['hold.placed'] } });
}
async function matrixHook() {
  return saveHook({ ctx, input: { name: 'Room', kind: 'matrix', url: chat.url, room: '!mods:chat.test', secret: TOKEN, allowPrivate: true, enabled: true, events: ['hold.placed'] } });
}

async function secretsNowhere(errors: string[] = []) {
  const rows = JSON.stringify([await db.notifyDelivery.findMany(), await db.notifyHook.findMany({ omit: { secretSealed: true } }), await db.auditEvent.findMany()], (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  for (const text of [rows, ...errors]) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
  }
}

describe('json hook', () => {
  it('arrives once, signed, with the event and delivery id headers', async () => {
    const hook = await jsonHook();
    const [id] = await notifyEvent(payload());
    await deliverNotification(id);
    await deliverNotification(id); // already done: claims nothing, sends nothing
    expect(chat.records.json).toHaveLength(1);
    const got = chat.records.json[0];
    expect(got.verified).toBe(true);
    expect(got.headers['x-fedimod-event']).toBe('hold.placed');
    expect(got.headers['x-fedimod-delivery']).toBe(id);
    expect(got.headers['content-type']).toBe('application/json');
    expect(JSON.parse(got.body)).toEqual(payload());
    const row = await db.notifyDelivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'done', attempts: 1, lastError: null });
    expect(row.deliveredAt).not.toBeNull();
    const h = await db.notifyHook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(h.lastStatus).toBe('HTTP 200');
    expect(h.lastSentAt).not.toBeNull();
    await secretsNowhere();
  });

  it('a signature made with another secret does not verify at the receiver', async () => {
    await saveHook({ ctx, input: { name: 'Wrong', kind: 'json', url: `${chat.url}/hook`, secret: 'not-the-secret', allowPrivate: true, enabled: true, events: ['hold.placed'] } });
    const [id] = await notifyEvent(payload());
    await deliverNotification(id);
    expect(chat.records.json.map((r) => r.verified)).toEqual([false]);
  });
});

describe('matrix hook', () => {
  it('uses the delivery id as txnId; a resend after a crash is one event', async () => {
    await matrixHook();
    const [id] = await notifyEvent(payload());
    await deliverNotification(id);
    expect(chat.records.matrix).toHaveLength(1);
    expect(chat.records.matrix[0]).toMatchObject({ room: '!mods:chat.test', txnId: id });
    expect(chat.records.matrix[0].body).toMatchObject({ msgtype: 'm.notice', body: `${payload().summary}\n${payload().url}`, format: 'org.matrix.custom.html' });
    expect((chat.records.matrix[0].body as { formatted_body: string }).formatted_body).toContain('href="http://localhost:3000/reports/r1"');

    // The crash: the send went out, but the "done" write never landed and the worker's lease ran out.
    await db.notifyDelivery.update({ where: { id }, data: { state: 'sending', deliveredAt: null, leaseUntil: new Date(Date.now() - 1000), leaseToken: 'dead-worker' } });
    expect(await dueDeliveries(new Date())).toEqual([id]);
    await deliverNotification(id);
    expect(chat.records.matrix.map((r) => r.txnId)).toEqual([id, id]);
    expect(chat.records.events).toHaveLength(1);
    expect(chat.records.matrix[0].eventId).toBe(chat.records.matrix[1].eventId);
    expect((await db.notifyDelivery.findUniqueOrThrow({ where: { id } })).state).toBe('done');
  });

  it('a live lease is not taken over', async () => {
    await matrixHook();
    const [id] = await notifyEvent(payload());
    await db.notifyDelivery.update({ where: { id }, data: { state: 'sending', leaseUntil: new Date(Date.now() + 60_000), leaseToken: 'busy' } });
    await deliverNotification(id);
    expect(chat.records.matrix).toHaveLength(0);
    expect(await dueDeliveries(new Date())).toEqual([]);
  });
});

describe('failures', () => {
  it('500 forever: backs off 30 s doubling, then fails after 8 attempts', async () => {
    await jsonHook();
    chat.setMode('500');
    const [id] = await notifyEvent(payload());
    let now = new Date();
    const waits: number[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await deliverNotification(id, { clock: () => now });
      const row = await db.notifyDelivery.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(i);
      if (i < MAX_ATTEMPTS) {
        expect(row.state).toBe('pending');
        expect(row.lastError).toContain('HTTP 500');
        waits.push(row.nextAttemptAt!.getTime() - now.getTime());
        // Not due before its time.
        expect(await dueDeliveries(new Date(row.nextAttemptAt!.getTime() - 1))).toEqual([]);
        now = row.nextAttemptAt!;
      } else {
        expect(row).toMatchObject({ state: 'failed', nextAttemptAt: null });
      }
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    expect(backoffMs(20)).toBe(3_600_000);
    expect(chat.hits()).toBeGreaterThanOrEqual(MAX_ATTEMPTS);
    expect(queued.filter((q) => q.id === id)).toHaveLength(MAX_ATTEMPTS - 1);
    expect((await db.notifyHook.findFirstOrThrow()).lastStatus).toBe('failed');
    await secretsNowhere();
  });

  it('404 fails at once; 429 is retried', async () => {
    await matrixHook();
    chat.setMode('404');
    const [a] = await notifyEvent(payload());
    await deliverNotification(a);
    expect(await db.notifyDelivery.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ state: 'failed', attempts: 1 });
    chat.setMode('429');
    const [b] = await notifyEvent(payload());
    await deliverNotification(b);
    expect(await db.notifyDelivery.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ state: 'pending', attempts: 1 });
    await secretsNowhere();
  });

  it('an unreachable receiver is retried, and its error names no secret', async () => {
    const closed = await startChatReceiver({ secret: SECRET, token: TOKEN });
    await closed.close();
    await saveHook({ ctx, input: { name: 'Gone', kind: 'matrix', url: closed.url, room: '!mods:chat.test', secret: TOKEN, allowPrivate: true, enabled: true, events: ['hold.placed'] } });
    const [id] = await notifyEvent(payload());
    await deliverNotification(id);
    const row = await db.notifyDelivery.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe('pending');
    expect(row.lastError).toBeTruthy();
    await secretsNowhere();
  });

  it('a private address without the exemption is refused and fails at once', async () => {
    await saveHook({ ctx, input: { name: 'NoExempt', kind: 'json', url: `${chat.url}/hook`, secret: SECRET, allowPrivate: false, enabled: true, events: ['hold.placed'] } });
    const [id] = await notifyEvent(payload());
    await deliverNotification(id);
    expect(chat.records.json).toHaveLength(0);
    expect((await db.notifyDelivery.findUniqueOrThrow({ where: { id } })).state).toBe('failed');
  });
});

describe('test send', () => {
  it('sends a test payload at once and reports the outcome', async () => {
    const hook = await jsonHook();
    const ok = await testHook({ ctx, input: { id: hook.id } });
    expect(ok.ok).toBe(true);
    const body = JSON.parse(chat.records.json[0].body) as Record<string, unknown>;
    expect(body).toMatchObject({ test: true, event: 'hold.placed' });
    expect(chat.records.json[0].verified).toBe(true);
    chat.setMode('500');
    const bad = await testHook({ ctx, input: { id: hook.id } });
    expect(bad).toEqual({ ok: false, detail: 'The receiver answered HTTP 500.' });
    await secretsNowhere([bad.detail]);
    expect(await db.notifyDelivery.count()).toBe(0);
  });
});

describe('the chat fake\'s control routes', () => {
  it('GET /__fake/records and POST /__fake/fail drive it from another process', async () => {
    const fail = await fetch(`${chat.url}/__fake/fail`, { method: 'POST', body: JSON.stringify({ mode: '500' }) });
    expect(fail.status).toBe(200);
    expect((await fetch(`${chat.url}/hook`, { method: 'POST', body: '{}' })).status).toBe(500);
    await fetch(`${chat.url}/__fake/fail`, { method: 'POST', body: JSON.stringify({ mode: 'ok' }) });
    await fetch(`${chat.url}/hook`, { method: 'POST', body: '{}' });
    const records = (await (await fetch(`${chat.url}/__fake/records`)).json()) as { json: { verified: boolean }[] };
    expect(records.json.map((r) => r.verified)).toEqual([false]);
    const bad = await fetch(`${chat.url}/_matrix/client/v3/rooms/x/send/m.room.message/t1`, { method: 'PUT', headers: { Authorization: 'Bearer wrong' }, body: '{}' });
    expect(bad.status).toBe(401);
  });
});
