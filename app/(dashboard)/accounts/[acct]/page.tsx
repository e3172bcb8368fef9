import type { Metadata } from 'next';
import { getUserPreferences, requirePageActor } from '@/lib/auth/current-actor';
import { getAccountProfile } from '@/lib/actors/get-account-profile';
import { decodeSegment } from '@/lib/actors/handle';
import { isAppError } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { AccountClient } from './page-client';

export const metadata: Metadata = { title: 'Account · Fedimod' };

export default async function AccountPage({ params }: { params: Promise<{ acct: string }> }) {
  const { acct } = await params;
  const actor = await requirePageActor('viewer', `/accounts/${encodeURIComponent(acct)}`);
  try {
    const profile = await getAccountProfile({ ctx: { actor }, input: { handle: decodeSegment(acct) } });
    const prefs = await getUserPreferences(actor.id);
    return <AccountClient key={profile.handle} initial={profile} gray={prefs.grayscaleMedia} />;
  } catch (e) {
    if (!isAppError(e) || e.code !== 'bad_request') throw e;
    return (
      <>
        <PageHeader title="Account" />
        <Alert tone="error">{e.userMessage}</Alert>
      </>
    );
  }
}
