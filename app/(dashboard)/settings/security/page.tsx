/**
 * OWNER: sessions helper (issue 15) composes this page. Personal security: second factors (authenticator app,
 * passkeys), signed-in sessions, password. Open to someone who must still enrol a second factor.
 */
import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsTabs } from '@/components/settings/settings-tabs';
import { PasskeySection } from '@/components/security/passkey-section';
import { SessionsSection } from '@/components/security/sessions-section';
import { TotpSection } from '@/components/security/totp-section';
import { requirePageActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Security · Fedimod' };

export default async function SecurityPage() {
  const actor = await requirePageActor('viewer', '/settings/security', { enrolment: true });
  return (
    <>
      <PageHeader title="Security" description={`Second factors and sessions for ${actor.email}.`} />
      <SettingsTabs current="/settings/security" />
      <div className="grid max-w-3xl gap-6">
        <TotpSection />
        <PasskeySection />
        <SessionsSection />
      </div>
    </>
  );
}
