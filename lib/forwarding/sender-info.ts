/**
 * Who sends a forward message and what it can cite: the organization name from the CyberTipline settings (if an
 * admin entered one) and the CyberTipline report id of the case's newest filing that has one (a retracted report
 * is not cited: it no longer exists at NCMEC). "Sent by" follows the team's signing choice (lib/team/sign-outbound.ts):
 * the person's pseudonym with the team's name, or the team's name alone; never the person's real name.
 */
import type { Actor } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import { getNcmecSettingsView } from '@/lib/filing/settings/ncmec-settings';
import { signerFor } from '@/lib/team/sign-outbound';

export async function senderInfo(caseId: string, actor?: Actor): Promise<{ organization: string | null; sentBy: string | null; cyberTiplineReportId: string | null }> {
  const settings = await getNcmecSettingsView();
  const organization = settings.organization.name.trim() || null;
  const signer = actor ? await signerFor(actor) : null;
  const team = signer?.teamName.trim() || organization;
  const filing = await db.filing.findFirst({
    where: { caseId, reportId: { not: null }, state: { not: 'retracted' } },
    orderBy: { createdAt: 'desc' },
    select: { reportId: true },
  });
  const sentBy = !signer ? null : signer.mode === 'pseudonym' && signer.pseudonym ? `${signer.pseudonym} for ${team ?? 'the moderators of our servers'}` : team;
  return { organization, sentBy, cyberTiplineReportId: filing?.reportId ?? null };
}
