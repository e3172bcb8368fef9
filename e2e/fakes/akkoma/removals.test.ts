import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAkkoma, type FakeAkkoma } from './server';

let fake: FakeAkkoma | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const P = '/api/v1/pleroma/admin';
const call = (f: FakeAkkoma, method: string, path: string, body?: unknown) =>
  fetch(`${f.url}${path}`, {
    method, headers: { Authorization: `Bearer ${f.token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
const control = (f: FakeAkkoma, path: string, body: unknown = {}) =>
  fetch(`${f.url}/__fake/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('fake Akkoma removals', () => {
  it('a local upload 404s once its account is deleted, and keep-serving serves it again', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    const report = fake.addReport({ account: 'carol', statusCount: 4 });
    const statuses = report.statuses as Array<{ id: string; url: string; media_attachments: Array<{ url: string }> }>;
    const url = statuses.flatMap((s) => s.media_attachments.map((m) => m.url))[0];
    expect(url.startsWith(`${fake.url}/media/`)).toBe(true);
    const before = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(statuses[0].url).toBe(`${fake.url}/notice/${statuses[0].id}`);
    expect((await fetch(statuses[0].url)).status).toBe(200);
    expect((await call(fake, 'DELETE', `${P}/users`, { nicknames: ['carol'] })).status).toBe(200);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(statuses[0].url)).status).toBe(404);
    expect((await control(fake, 'keep-serving', { on: true })).status).toBe(200);
    const cached = await fetch(url);
    expect(cached.status).toBe(200);
    expect(Buffer.from(await cached.arrayBuffer()).equals(before)).toBe(true);
    expect((await control(fake, 'keep-serving', { on: 1 })).status).toBe(400);
  });

  it('logs removal calls as received (also refused ones) and resets the log', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    await call(fake, 'DELETE', `${P}/statuses/NOPE`);
    await call(fake, 'PATCH', `${P}/users/deactivate`, { nicknames: ['carol'] });
    await call(fake, 'PATCH', `${P}/reports`, { reports: [{ id: 'X', state: 'resolved' }] }); // not a removal
    const calls = await (await fetch(`${fake.url}/__fake/destructive-calls`)).json();
    expect(calls.map((c: { method: string; path: string }) => `${c.method} ${c.path}`)).toEqual([
      `DELETE ${P}/statuses/NOPE`, `PATCH ${P}/users/deactivate`,
    ]);
    await control(fake, 'reset-destructive-calls');
    expect(await (await fetch(`${fake.url}/__fake/destructive-calls`)).json()).toEqual([]);
  });
});
