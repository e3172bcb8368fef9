/** The signed-in person's own exposure (issue 15): what they were shown, over days and weeks, and their limit status. */
import type { Metadata } from 'next';
import { MyExposure } from '@/components/exposure/my-exposure';
import { SettingsTabs } from '@/components/settings/settings-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/current-actor';
import { getMyExposure } from '@/lib/exposure/get-my-exposure';

export const metadata: Metadata = { title: 'My exposure · Fedimod' };

export default async function MyExposurePage() {
  const actor = await requirePageActor('viewer', '/settings/exposure');
  const view = await getMyExposure({ ctx: { actor } });
  return (
    <>
      <PageHeader title="My exposure" description="What you were shown: originals revealed (and how long), cases viewed, evidence opened. Only you and the team's leads see these counts, never the content." />
      <SettingsTabs current="/settings/exposure" />
      <MyExposure view={view} />
    </>
  );
}
