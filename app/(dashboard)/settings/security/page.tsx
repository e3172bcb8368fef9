/**
 * Personal security: second factors (authenticator app, passkeys), signed-in sessions, password. Open to someone
 * who must still enrol a second factor (requirePageActor sends them here), who is told why first.
 */
import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsTabs } from '@/components/settings/settings-tabs';
import { PasskeySection } from '@/components/security/passkey-section';
import { PasswordForm } from '@/components/security/password-form';
import { SessionsSection } from '@/components/security/sessions-section';
import { TotpSection } from '@/components/security/totp-section';
import { ENROL_2FA_MESSAGE, requirePageActor, SECURITY_PATH } from '@/lib/auth/current-actor';
import { listSessions } from '@/lib/auth/sessions/list-sessions';

export const metadata: Metadata = { title: 'Security · Fedimod' };

export default async function SecurityPage() {
  const actor = await requirePageActor('viewer', SECURITY_PATH, { enrolment: true });
  const sessions = await listSessions({ ctx: { actor } });
  return (
    <>
      <PageHeader title="Security" description={`Second factors, sessions and password for ${actor.email}.`} />
      <SettingsTabs current="/settings/security" />
      <div className="grid max-w-3xl gap-6">
        {actor.mustEnrol2fa ? <div data-testid="enrol-required"><Alert tone="error">{ENROL_2FA_MESSAGE}</Alert></div> : null}
        <TotpSection />
        <PasskeySection />
        {/* Keyed by the sessions it starts from, so a refresh (after a password change) shows the new list. */}
        <SessionsSection key={sessions.map((s) => s.id).join(',')} initial={sessions} />
        <PasswordForm email={actor.email} />
      </div>
    </>
  );
}
