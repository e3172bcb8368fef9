import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/current-actor';
import { getDomainProfile } from '@/lib/actors/get-domain-profile';
import { decodeSegment } from '@/lib/actors/handle';
import { isAppError } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { DomainClient } from './page-client';

export const metadata: Metadata = { title: 'Domain · Fedimod' };

export default async function DomainPage({ params }: { params: Promise<{ d: string }> }) {
  const { d } = await params;
  const actor = await requirePageActor('viewer', `/domains/${encodeURIComponent(d)}`);
  try {
    const profile = await getDomainProfile({ ctx: { actor }, input: { domain: decodeSegment(d) } });
    return <DomainClient key={profile.domain} initial={profile} />;
  } catch (e) {
    if (!isAppError(e) || e.code !== 'bad_request') throw e;
    return (
      <>
        <PageHeader title="Domain" />
        <Alert tone="error">{e.userMessage}</Alert>
      </>
    );
  }
}
