import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { MinRole } from '@/lib/auth/current-actor';

const PLURAL: Record<MinRole, string> = { viewer: 'viewers', moderator: 'moderators', admin: 'admins', owner: 'the owner' };
const WHO_CAN_HELP: Record<MinRole, string> = {
  viewer: 'Ask an admin for access.',
  moderator: 'Ask an admin if you need moderator access.',
  admin: 'Ask an admin or the owner if you need something here.',
  owner: 'Only the owner can open it.',
};

/**
 * Shown in place of a page the signed-in user's role does not open. Calm and plain: it is not an error they made,
 * only a door that is closed to them, so it says which role opens it, what theirs is, and who can help.
 */
export function RoleTooLow({ need, have, what }: { need: MinRole; have: MinRole; what?: string }) {
  return (
    <Card className="max-w-xl" role="region" aria-labelledby="role-too-low-title">
      <h1 id="role-too-low-title" className="mb-2 text-xl font-semibold">
        This page is for {PLURAL[need]}
      </h1>
      <p className="mb-3 text-sm">
        {what ? `${what} ` : ''}
        {WHO_CAN_HELP[need]}
      </p>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Role needed</dt>
        <dd data-testid="role-needed">{need}</dd>
        <dt className="text-muted">Your role</dt>
        <dd data-testid="role-have">{have}</dd>
      </dl>
      <Link href="/queue" className="text-sm font-medium underline">
        Back to the queue
      </Link>
    </Card>
  );
}
