import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getUserPreferences, requirePageActor } from '@/lib/auth/current-actor';
import { canAllowPrivate, hasRole } from '@/lib/auth/policy';
import { getMatchSettings } from '@/lib/matching/match-settings';
import { getCaseSettings } from '@/lib/cases/case-settings';
import { CaseSettingsCard } from '@/components/cases/case-settings';
import { EvidenceSettingsCard } from '@/components/cases/evidence-settings-card';
import { getEvidenceSettings } from '@/lib/evidence/evidence-settings';
import { MatchingSettings } from '@/components/settings/matching-settings';
import { NcmecSettingsCard } from '@/components/filing/ncmec-settings-card';
import { getNcmecSettingsView } from '@/lib/filing/settings/ncmec-settings';
import { PreferencesForm } from './page-client';
import { AppearanceForm } from './appearance-form';
import { PseudonymForm } from '@/components/settings/pseudonym-form';
import { SettingsTabs } from '@/components/settings/settings-tabs';
import { getOwnPseudonym } from '@/lib/team/get-own-pseudonym';

export const metadata: Metadata = { title: 'Settings · Fedimod' };

export default async function SettingsPage() {
  const actor = await requirePageActor('viewer', '/settings');
  const prefs = await getUserPreferences(actor.id);
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${actor.email} (${actor.role}).`} />
      <SettingsTabs current="/settings" />
      <div className="grid max-w-3xl gap-6">
        <PseudonymForm initial={await getOwnPseudonym(actor.id)} />
        <AppearanceForm initial={prefs.theme} />
        <PreferencesForm initial={{ blurMedia: prefs.blurMedia, grayscaleMedia: prefs.grayscaleMedia, severeAsHashes: prefs.severeAsHashes }} />
        {hasRole(actor, 'moderator') ? <MatchingSettings initial={await getMatchSettings()} canEdit={hasRole(actor, 'admin')} /> : null}
        {hasRole(actor, 'admin') ? <CaseSettingsCard initial={await getCaseSettings()} /> : null}
        {hasRole(actor, 'admin') ? <EvidenceSettingsCard initial={await getEvidenceSettings()} /> : null}
        {hasRole(actor, 'admin') ? <NcmecSettingsCard initial={await getNcmecSettingsView()} canAllowPrivate={canAllowPrivate(actor)} /> : null}
        {/* Say what is missing and why, rather than leave a shorter page that looks complete. */}
        {!hasRole(actor, 'admin') ? (
          <p className="text-sm text-muted" data-testid="settings-admin-note">
            {hasRole(actor, 'moderator') ? 'Case, evidence and NCMEC reporting settings' : 'Matching, case, evidence and NCMEC reporting settings'} are for
            admins; your role is {actor.role}. Ask an admin or the owner to change them.
          </p>
        ) : null}
      </div>
    </>
  );
}
