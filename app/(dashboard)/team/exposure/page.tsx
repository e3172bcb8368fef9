/** The team's exposure (issue 15, leads only): counts and limit status per colleague, never what they were shown. */
import { RoleTooLow } from '@/components/auth/role-too-low';
import { limitsWords } from '@/components/exposure/exposure-status';
import { TeamExposureTable } from '@/components/exposure/team-exposure-table';
import { TeamTabs } from '@/components/team/team-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { checkPageAccess } from '@/lib/auth/page-access';
import { getTeamExposure } from '@/lib/exposure/get-team-exposure';

export const metadata = { title: 'Team exposure · Fedimod' };

export default async function TeamExposurePage() {
  const access = await checkPageAccess('admin', '/team/exposure');
  if (!access.ok) return <RoleTooLow need={access.need} have={access.actor.role} what="Team exposure shows how much each colleague was shown, for leads looking after the team." />;
  const view = await getTeamExposure({ ctx: { actor: access.actor } });
  return (
    <>
      <PageHeader title="Team exposure" description="How much each colleague was shown, in counts only: never the content. Use it to spread severe work and to check in with people." />
      <TeamTabs current="/team/exposure" />
      <p className="mb-3 text-sm text-muted">{limitsWords(view.limits)} Change the limits in Team settings.</p>
      <TeamExposureTable rows={view.rows} />
    </>
  );
}
