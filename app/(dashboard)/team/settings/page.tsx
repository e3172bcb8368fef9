/**
 * Team settings (admins): how the team names itself and its people, exposure limits, the sign-in policy and single
 * sign-on. Each card belongs to its feature and saves through that feature's route.
 */
import { RoleTooLow } from '@/components/auth/role-too-low';
import { ExposureLimitsCard } from '@/components/exposure/limits-card';
import { TeamTabs } from '@/components/team/team-tabs';
import { IdentityCard } from '@/components/team-settings/identity-card';
import { SignInPolicyCard } from '@/components/team-settings/sign-in-policy-card';
import { SsoCard } from '@/components/team-settings/sso-card';
import { PageHeader } from '@/components/ui/page-header';
import { checkPageAccess } from '@/lib/auth/page-access';
import { getSsoSettingsView } from '@/lib/auth/sso/sso-settings';
import { getSignInPolicy } from '@/lib/auth/totp/sign-in-policy';
import { getExposureLimits } from '@/lib/exposure/limits-settings';
import { getIdentitySettings } from '@/lib/team/identity-settings';

export const metadata = { title: 'Team settings · Fedimod' };

export default async function TeamSettingsPage() {
  const access = await checkPageAccess('admin', '/team/settings');
  if (!access.ok) return <RoleTooLow need={access.need} have={access.actor.role} what="Team settings set pseudonyms, exposure limits, the sign-in policy and single sign-on for everyone." />;
  const [identity, limits, policy, sso] = await Promise.all([getIdentitySettings(), getExposureLimits(), getSignInPolicy(), getSsoSettingsView()]);
  return (
    <>
      <PageHeader title="Team settings" description="How the team appears outside the app, how much it is shown, and how it signs in." />
      <TeamTabs current="/team/settings" />
      <div className="grid max-w-3xl gap-6">
        <IdentityCard initial={identity} />
        <ExposureLimitsCard initial={limits} />
        <SignInPolicyCard initial={policy} />
        <SsoCard initial={sso} />
      </div>
    </>
  );
}
