import type { Metadata } from 'next';
import { z } from 'zod';
import { getUserPreferences, requirePageActor } from '@/lib/auth/current-actor';
import { listCases } from '@/lib/cases/list-cases';
import { PageHeader } from '@/components/ui/page-header';
import { CasesClient } from './page-client';

export const metadata: Metadata = { title: 'Cases · Fedimod' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const stateParam = z.enum(['active', 'closed', 'all']).catch('active');

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor('viewer', '/cases');
  const raw = (await searchParams).state;
  const state = stateParam.parse(Array.isArray(raw) ? raw[0] : raw);
  const [initial, prefs] = await Promise.all([listCases({ ctx: { actor }, input: { state } }), getUserPreferences(actor.id)]);
  return (
    <>
      <PageHeader title="Cases" description="One harmful item with every copy on every connected instance, reviewed once." />
      {/* Keyed by the filter: another filter starts a fresh list. */}
      <CasesClient key={state} initial={initial} state={state} gray={prefs.grayscaleMedia} />
    </>
  );
}
