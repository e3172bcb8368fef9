/** The fake's admin/meta and admin/update-meta behave as Misskey's: whole-list replace, admin only, upstream filtering. */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMisskey, type FakeMisskey } from './server';

let fake: FakeMisskey | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function api(endpoint: string, body: Record<string, unknown>) {
  const res = await fetch(`${fake!.url}/api/${endpoint}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ i: fake!.token, ...body }) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

describe('fake Misskey meta host lists', () => {
  it('replaces given lists whole: blockedHosts lower-cased, silencedHosts sorted, de-duplicated and minus blocked hosts', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    expect(await api('admin/update-meta', { blockedHosts: ['Bad.Example', ''], silencedHosts: ['z.example', 'bad.example', 'a.example', 'a.example', ''] })).toEqual({ status: 204, json: null });
    expect((await api('admin/meta', {})).json).toMatchObject({ blockedHosts: ['bad.example'], silencedHosts: ['a.example', 'z.example'] });
    // A list that is not given is left as it is; the blocked filter applies only to blockedHosts of the same call.
    await api('admin/update-meta', { silencedHosts: ['bad.example'] });
    expect((await api('admin/meta', {})).json).toMatchObject({ blockedHosts: ['bad.example'], silencedHosts: ['bad.example'] });
    expect((await api('admin/update-meta', { blockedHosts: 'bad.example' })).json.error).toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('needs an administrator role and the meta permission kinds', async () => {
    fake = await startFakeMisskey({ reports: 0, admin: false });
    expect((await api('admin/meta', {})).json.error).toMatchObject({ code: 'ROLE_PERMISSION_DENIED' });
    await fake.close();
    fake = await startFakeMisskey({ reports: 0, permissions: ['read:admin:meta'] });
    expect((await api('admin/meta', {})).status).toBe(200);
    expect((await api('admin/update-meta', { blockedHosts: [] })).json.error).toMatchObject({ code: 'PERMISSION_DENIED' });
  });
});
