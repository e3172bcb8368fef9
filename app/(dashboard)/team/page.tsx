import { RoleTooLow } from '@/components/auth/role-too-low';
import { TeamDashboard } from '@/components/team/team-dashboard';
import { TeamTabs } from '@/components/team/team-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { checkPageAccess } from '@/lib/auth/page-access';
import { teamStats } from '@/lib/team-stats/team-stats';

export const metadata = { title: 'Team dashboard' };

export default async function TeamPage() {
  const access = await checkPageAccess('admin', '/team');
  if (!access.ok) return <RoleTooLow need={access.need} have={access.actor.role} what="The team dashboard compares colleagues' work: decisions per moderator, response times and backlogs." />;
  const initial = await teamStats({ ctx: { actor: access.actor }, input: { days: 30 } });
  return (
    <>
      <PageHeader title="Team dashboard" description="Backlog, decisions, automated versus manual work and response times across the instances you see. Days are UTC." />
      <TeamTabs current="/team" />
      <TeamDashboard initial={initial} />
    </>
  );
}
