import { requirePageActor } from '@/lib/auth/current-actor';
import { canAllowPrivate } from '@/lib/auth/policy';
import { listHooks } from '@/lib/notify/list-hooks';
import { NotifyHooks } from '@/components/safety/notify-hooks';
import { PageHeader } from '@/components/ui/page-header';

/** Admins only: hooks hold where alerts go and their secrets' presence. Renders inside the Safety layout's tabs. */
export default async function NotificationsPage() {
  const actor = await requirePageActor('admin', '/safety/notifications');
  const hooks = await listHooks({ ctx: { actor } });
  return (
    <>
      <PageHeader title="Notifications" description="Tell a chat room or your own service when something is held: a signed JSON POST or a Matrix message." />
      <NotifyHooks initial={hooks} canAllowPrivate={canAllowPrivate(actor)} />
    </>
  );
}
