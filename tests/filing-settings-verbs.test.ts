/**
 * CyberTipline settings verbs against a real database: a round trip (the view, the sealed stored JSON, the audit
 * event), admin only, the secrets never in the view, the audit details or the stored JSON in clear, a changed URL
 * needs the credentials again, a private address needs an owner (and a custom URL), a bad stored value reads as
 * "not configured", the connection opens only when complete, and the CLI's configure/status print no secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNcmec, type FakeNcmec } from '@/e2e/fakes/ncmec/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { runNcmecCommand } from '@/lib/filing/settings/cli-ncmec';
import { loadNcmecConnection, requireNcmecConnection } from '@/lib/filing/settings/ncmec-connection';
import { getNcmecSettingsView, updateNcmecSettings } from '@/lib/filing/settings/ncmec-settings';
import { NCMEC_SETTINGS_KEY } from '@/lib/filing/settings/ncmec-stored';
import { testNcmecConnection } from '@/lib/filing/settings/test-ncmec-connection';
import { NCMEC_ENVIRONMENTS } from '@/lib/filing/ncmec/environments';
import { persistActor, systemActor, userActor } from './support/fixtures';

const USER = 'esp-user-synthetic';
const PASS = 'pw-Synthetic-4711-not-real';
const owner = userActor('owner', null, '00000000-0000-4000-8000-0000000000a1');
const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000000a2');
const mod = userActor('moderator', null, '00000000-0000-4000-8000-0000000000a3');
const as = (actor: Actor) => ({ ctx: { actor } });
const reporter = { firstName: 'Rae', lastName: 'Porter', email: 'reports@example.test', phone: '+1 555 0100' };

let fake: FakeNcmec;
beforeAll(async () => {
  for (const a of [owner, admin, mod]) await persistActor(a);
  fake = await startFakeNcmec({ username: USER, password: PASS });
});
afterAll(async () => fake.close());

const storedText = async () => JSON.stringify((await db.setting.findUniqueOrThrow({ where: { key: NCMEC_SETTINGS_KEY } })).value);
const auditText = async () => JSON.stringify(await db.auditEvent.findMany({ where: { action: { startsWith: 'settings.ncmec.' } }, select: { action: true, details: true, actorLabel: true } }));

describe('ncmec settings', () => {
  it('round trip: admin only, sealed at rest, secrets nowhere, audited with the changed fields', async () => {
    expect(await getNcmecSettingsView()).toMatchObject({ configured: false, environment: 'test', baseUrl: NCMEC_ENVIRONMENTS.test, hasCredentials: false });
    await expect(updateNcmecSettings({ ...as(mod), input: { environment: 'test', username: USER, password: PASS } })).rejects.toMatchObject({ code: 'forbidden' });
    const view = await updateNcmecSettings({ ...as(admin), input: { environment: 'test', username: USER, password: PASS, reporter, organization: { name: 'Example Collective\u0000' } } });
    expect(view).toMatchObject({ configured: true, environment: 'test', baseUrl: NCMEC_ENVIRONMENTS.test, allowPrivate: false, hasCredentials: true, reporter, organization: { name: 'Example Collective' } });
    expect(view.credentialsUpdatedAt).toEqual(expect.any(String));
    expect(await getNcmecSettingsView()).toEqual(view);
    for (const text of [JSON.stringify(view), await storedText(), await auditText()]) {
      expect(text).not.toContain(USER);
      expect(text).not.toContain(PASS);
    }
    const [event] = await db.auditEvent.findMany({ where: { action: 'settings.ncmec.updated' } });
    expect(event.details).toMatchObject({ environment: 'test', baseUrl: NCMEC_ENVIRONMENTS.test, allowPrivate: false, credentialsChanged: true });
    expect(event.details).toHaveProperty('changedFields', expect.arrayContaining(['credentials', 'reporter.email', 'organization.name']));
    const conn = await loadNcmecConnection();
    expect(conn).toMatchObject({ environment: 'test', username: USER, password: PASS, reporter });
    // Saving without credentials keeps them; only the phone changed.
    const kept = await updateNcmecSettings({ ...as(admin), input: { environment: 'test', reporter: { phone: '' } } });
    expect(kept).toMatchObject({ hasCredentials: true, credentialsUpdatedAt: view.credentialsUpdatedAt, reporter: { ...reporter, phone: '' } });
    const events = await db.auditEvent.findMany({ where: { action: 'settings.ncmec.updated' }, orderBy: { seq: 'asc' } });
    expect(events[1].details).toMatchObject({ credentialsChanged: false, changedFields: ['reporter.phone'] });
    // A password alone rotates it and keeps the stored username.
    await updateNcmecSettings({ ...as(admin), input: { environment: 'test', password: 'rotated-Password-1' } });
    expect(await loadNcmecConnection()).toMatchObject({ username: USER, password: 'rotated-Password-1' });
  });

  it('validates: email shape, https unless private, lengths; a changed URL needs the credentials again', async () => {
    const bad = [
      { environment: 'test', reporter: { email: 'not an email' } },
      { environment: 'custom', baseUrl: 'http://ncmec.example/ispws' },
      { environment: 'custom', baseUrl: 'https://user:pw@ncmec.example/ispws', username: USER, password: PASS },
      { environment: 'custom' as const, baseUrl: '' },
      { environment: 'test', organization: { name: 'x'.repeat(201) } },
      { environment: 'test', username: 'a:b', password: PASS },
      { environment: 'test', allowPrivate: true },
    ] as const;
    for (const input of bad) await expect(updateNcmecSettings({ ...as(owner), input }), JSON.stringify(input)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(updateNcmecSettings({ ...as(admin), input: { environment: 'production' } })).rejects.toMatchObject({
      code: 'bad_request', userMessage: 'Enter the username and password again for the new address',
    });
    await expect(updateNcmecSettings({ ...as(admin), input: { environment: 'production', password: PASS } })).rejects.toMatchObject({ code: 'bad_request' });
    const moved = await updateNcmecSettings({ ...as(admin), input: { environment: 'production', username: USER, password: PASS } });
    expect(moved).toMatchObject({ environment: 'production', baseUrl: NCMEC_ENVIRONMENTS.production, hasCredentials: true });
    await expect(updateNcmecSettings({ ...as(admin), input: { environment: 'custom', baseUrl: 'https://proxy.example/ispws/' } })).rejects.toMatchObject({ code: 'bad_request' });
    const custom = await updateNcmecSettings({ ...as(admin), input: { environment: 'custom', baseUrl: 'https://proxy.example/ispws/', username: USER, password: PASS } });
    expect(custom.baseUrl).toBe('https://proxy.example/ispws');
  });

  it('a private address: owners only, custom only, kept for the same address, dropped for a new one', async () => {
    const local = `${fake.url}/ispws`;
    const input = { environment: 'custom' as const, baseUrl: local, allowPrivate: true, username: USER, password: PASS, reporter };
    await expect(updateNcmecSettings({ ...as(admin), input })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await updateNcmecSettings({ ...as(owner), input })).toMatchObject({ allowPrivate: true, baseUrl: local });
    // An admin's save without the flag keeps the owner's exemption for the same address...
    expect(await updateNcmecSettings({ ...as(admin), input: { environment: 'custom', baseUrl: local, reporter: { lastName: 'Porter-Smith' } } })).toMatchObject({ allowPrivate: true });
    // ...and cannot move it to another one.
    await expect(updateNcmecSettings({ ...as(admin), input: { environment: 'custom', baseUrl: 'http://127.0.0.1:9/ispws', allowPrivate: true, username: USER, password: PASS } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateNcmecSettings({ ...as(admin), input: { environment: 'custom', baseUrl: 'http://127.0.0.1:9/ispws', username: USER, password: PASS } })).rejects.toMatchObject({ code: 'bad_request' });
    const ok = await testNcmecConnection(as(admin));
    expect(ok).toMatchObject({ ok: true, detail: 'CyberTipline answered (responseCode 0)' });
    const tested = await db.auditEvent.findMany({ where: { action: 'settings.ncmec.tested' } });
    expect(tested.at(-1)?.details).toEqual({ ok: true });
    await expect(testNcmecConnection(as(mod))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a bad stored value reads as not configured, and the connection needs credentials and a reporter', async () => {
    await db.setting.upsert({ where: { key: NCMEC_SETTINGS_KEY }, create: { key: NCMEC_SETTINGS_KEY, value: { environment: 'nowhere' } }, update: { value: { environment: 'nowhere' } } });
    expect(await getNcmecSettingsView()).toMatchObject({ configured: false, hasCredentials: false, environment: 'test' });
    expect(await loadNcmecConnection()).toBeNull();
    await expect(requireNcmecConnection()).rejects.toMatchObject({ code: 'conflict', userMessage: 'CyberTipline is not set up: an admin enters the credentials and reporting person in Settings' });
    await updateNcmecSettings({ ...as(admin), input: { environment: 'test', username: USER, password: PASS } });
    expect(await loadNcmecConnection()).toBeNull(); // no reporter yet
    await updateNcmecSettings({ ...as(admin), input: { environment: 'test', reporter: { firstName: 'Rae', lastName: 'Porter' } } });
    expect(await loadNcmecConnection()).toBeNull(); // no email yet
    await updateNcmecSettings({ ...as(admin), input: { environment: 'test', reporter: { email: 'reports@example.test' } } });
    expect(await loadNcmecConnection()).not.toBeNull();
    // Sealed credentials moved to another URL by hand do not open: not configured rather than a crash.
    const row = await db.setting.findUniqueOrThrow({ where: { key: NCMEC_SETTINGS_KEY } });
    const value = JSON.parse(JSON.stringify(row.value));
    await db.setting.update({ where: { key: NCMEC_SETTINGS_KEY }, data: { value: { ...value, environment: 'production', baseUrl: NCMEC_ENVIRONMENTS.production } } });
    expect(await loadNcmecConnection()).toBeNull();
  });
});

describe('ncmec CLI', () => {
  it('configure then status: prints the settings and the test, never a secret', async () => {
    const lines: string[] = [];
    const warnings: string[] = [];
    const out = (l: string) => lines.push(l);
    const args = (argv: Record<string, string | true>, verb: string) => ({ positional: ['ncmec', verb], flags: argv });
    const code = await runNcmecCommand('configure', args({
      url: `${fake.url}/ispws`, username: USER, password: PASS, 'allow-private': true,
      'reporter-first-name': 'Cli', 'reporter-last-name': 'Person', 'reporter-email': 'cli@example.test', 'org-name': 'CLI Org',
    }, 'configure'), out, systemActor, (l) => warnings.push(l));
    expect(code).toBe(0);
    expect(warnings.join('\n')).toMatch(/--password-stdin/);
    // Fields not given are kept: only the phone changes.
    expect(await runNcmecCommand('configure', args({ 'reporter-phone': '+1 555 0199' }, 'configure'), out, systemActor)).toBe(0);
    expect(await getNcmecSettingsView()).toMatchObject({ configured: true, environment: 'custom', allowPrivate: true, reporter: { firstName: 'Cli', email: 'cli@example.test', phone: '+1 555 0199' } });
    expect(await runNcmecCommand('status', args({}, 'status'), out, systemActor)).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('CyberTipline: configured');
    expect(text).toContain('Connection: OK: CyberTipline answered (responseCode 0)');
    expect(text).not.toContain(USER);
    expect(text).not.toContain(PASS);
    // Wrong password: status fails in words, without the password.
    lines.length = 0;
    await runNcmecCommand('configure', args({ password: 'Wrong-Password-999' }, 'configure'), out, systemActor, () => {});
    expect(await runNcmecCommand('status', args({}, 'status'), out, systemActor)).toBe(1);
    expect(lines.join('\n')).toContain('Connection: FAILED: CyberTipline refused the username or password');
    expect(lines.join('\n')).not.toContain('Wrong-Password-999');
  });
});
