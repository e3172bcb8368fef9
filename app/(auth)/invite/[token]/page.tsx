import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { findInvite } from '@/lib/users/find-invite';
import { AcceptInviteForm } from './page-client';

export const metadata: Metadata = { title: 'Join your team · Fedimod' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(token);
  if (!invite) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Invite link not valid</h1>
        <Alert tone="error">This invite was already used, was withdrawn, or has expired (invites last 7 days).</Alert>
        <p className="text-sm text-muted">Ask an admin of your team for a new link.</p>
      </div>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Join your moderation team</h1>
      <p className="mb-5 text-sm text-muted">
        You were invited as <strong className="text-ink">{invite.role}</strong> with <strong className="text-ink">{invite.email}</strong>. Choose a name
        and a password.
      </p>
      <AcceptInviteForm token={token} email={invite.email} />
    </>
  );
}
