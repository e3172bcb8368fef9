/**
 * The demo's CyberTipline (used by scripts/demo.ts only): the fake CyberTipline of e2e/fakes/ncmec on a fixed port,
 * with synthetic credentials, and the demo database's CyberTipline settings pointed at it through the app's own
 * settings verb as a system actor (audited like an admin's change). Nothing the demo files can leave this machine.
 */
import type { Ctx } from '@/lib/audit/actor';
import { getNcmecSettingsView, updateNcmecSettings } from '@/lib/filing/settings/ncmec-settings';
import type { NcmecSettingsInput } from '@/lib/filing/types';
import { startFakeNcmec, type FakeNcmec } from '../../e2e/fakes/ncmec/server';

export const DEMO_NCMEC_PORT = 4109;
// Synthetic: they only open the local fake, never a real CyberTipline account.
const DEMO_NCMEC_CREDENTIALS = { username: 'demo-esp', password: 'demo-esp-password-not-secret' };

const ctx: Ctx = { actor: { type: 'system', label: 'demo' } };

export function startDemoNcmec(): Promise<FakeNcmec> {
  return startFakeNcmec({ port: DEMO_NCMEC_PORT, ...DEMO_NCMEC_CREDENTIALS });
}

/**
 * Points the settings at the fake. Idempotent: when the stored settings already name the fake (custom, same URL,
 * local address allowed, credentials stored) nothing is written, so later demo runs add no audit noise and keep a
 * reporter someone edited; anything else (a first run, or settings changed to another address) is reset to the
 * fake, so the line the demo prints ("reports go only to it") is true whenever it is printed.
 */
export async function configureDemoNcmec(fake: FakeNcmec): Promise<string> {
  const baseUrl = `${fake.url}/ispws`;
  const view = await getNcmecSettingsView();
  const pointsAtFake = view.environment === 'custom' && view.baseUrl === baseUrl && view.allowPrivate && view.hasCredentials;
  if (!pointsAtFake) {
    const input: NcmecSettingsInput = {
      environment: 'custom',
      baseUrl,
      allowPrivate: true,
      ...DEMO_NCMEC_CREDENTIALS,
      reporter: { firstName: 'Demo', lastName: 'Reporter', email: 'reporter@demo.test' },
      organization: { name: 'Demo Moderation Collective' },
    };
    await updateNcmecSettings({ ctx, input });
  }
  return `Fake CyberTipline at ${baseUrl} (synthetic credentials): reports filed in the demo go only to it, never to NCMEC.`;
}
