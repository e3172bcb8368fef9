import type { ReactNode } from 'react';
import { requirePageActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { SafetyTabs } from '@/components/safety/safety-tabs';

export const metadata = { title: 'Safety · Fedimod' };

/** The tabs shared by the safety pages; each page renders its own header and checks its own role. */
export default async function SafetyLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor('viewer', '/safety');
  return (
    <>
      <SafetyTabs admin={hasRole(actor, 'admin')} />
      {children}
    </>
  );
}
