/**
 * The demo's CyberTipline wiring: the first run points the settings at the fake (through the audited settings verb),
 * a second run against the same fake writes nothing, settings moved elsewhere are pointed back, and the connection
 * the app would use reaches the fake with the synthetic credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadNcmecConnection } from '@/lib/filing/settings/ncmec-connection';
import { getNcmecSettingsView, updateNcmecSettings } from '@/lib/filing/settings/ncmec-settings';
import { testNcmecConnection } from '@/lib/filing/settings/test-ncmec-connection';
import { startFakeNcmec, type FakeNcmec } from '@/e2e/fakes/ncmec/server';
import { configureDemoNcmec } from './configure-demo-ncmec';

const system = { actor: { type: 'system' as const, label: 'test' } };
const updates = () => db.auditEvent.count({ where: { action: 'settings.ncmec.updated' } });
let fake: FakeNcmec;

beforeAll(async () => {
  // The demo's own credentials, on a free port (the demo's fixed 4109 may be taken where tests run).
  fake = await startFakeNcmec({ username: 'demo-esp', password: 'demo-esp-password-not-secret' });
});
afterAll(async () => {
  await fake?.close();
});

describe('configureDemoNcmec', () => {
  it('points the settings at the fake once, and says so without the password', async () => {
    const line = await configureDemoNcmec(fake);
    expect(line).toContain(`${fake.url}/ispws`);
    expect(line).not.toContain('demo-esp-password-not-secret');
    const view = await getNcmecSettingsView();
    expect(view).toMatchObject({
      configured: true, environment: 'custom', baseUrl: `${fake.url}/ispws`, allowPrivate: true, hasCredentials: true,
      reporter: { firstName: 'Demo', lastName: 'Reporter', email: 'reporter@demo.test' },
      organization: { name: 'Demo Moderation Collective' },
    });
    expect(await updates()).toBe(1);
    await configureDemoNcmec(fake);
    expect(await updates()).toBe(1);
  });

  it('gives the app a connection that reaches the fake', async () => {
    const conn = await loadNcmecConnection();
    expect(conn).toMatchObject({ baseUrl: `${fake.url}/ispws`, username: 'demo-esp', password: 'demo-esp-password-not-secret' });
    expect((await testNcmecConnection({ ctx: system })).ok).toBe(true);
  });

  it('points settings changed to another address back at the fake', async () => {
    await updateNcmecSettings({ ctx: system, input: { environment: 'test', username: 'someone', password: 'else' } });
    expect((await getNcmecSettingsView()).environment).toBe('test');
    await configureDemoNcmec(fake);
    expect(await getNcmecSettingsView()).toMatchObject({ environment: 'custom', baseUrl: `${fake.url}/ispws`, allowPrivate: true });
    expect((await loadNcmecConnection())?.username).toBe('demo-esp');
  });
});
