/**
 * Who sends a forward message and what it can cite: the organization name from the CyberTipline settings (if an
 * admin entered one) and the CyberTipline report id of the case's newest filing that has one (a retracted report
 * is not cited: it no longer exists at NCMEC).
 */
import { db } from '@/lib/db';
import { getNcmecSettingsView } from '@/lib/filing/settings/ncmec-settings';

export async function senderInfo(caseId: string): Promise<{ organization: string | null; cyberTiplineReportId: string | null }> {
  const settings = await getNcmecSettingsView();
  const filing = await db.filing.findFirst({
    where: { caseId, reportId: { not: null }, state: { not: 'retracted' } },
    orderBy: { createdAt: 'desc' },
    select: { reportId: true },
  });
  return { organization: settings.organization.name.trim() || null, cyberTiplineReportId: filing?.reportId ?? null };
}
