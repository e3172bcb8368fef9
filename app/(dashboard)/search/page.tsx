import type { Metadata } from 'next';
import { getUserPreferences, requirePageActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { search } from '@/lib/search/search';
import { searchInputFromParams } from '@/lib/search/search-params';
import type { SearchResult } from '@/lib/search/types';
import { PageHeader } from '@/components/ui/page-header';
import { SearchClient } from './page-client';

export const metadata: Metadata = { title: 'Search · Fedimod' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor('viewer', '/search');
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === 'string' && (k === 'q' || k === 'kind')) sp.set(k, value);
  }
  const q = sp.get('q') ?? '';
  const kind = sp.get('kind') ?? '';
  let result: SearchResult | null = null;
  let error: string | null = null;
  if (q.trim() !== '') {
    try {
      result = await search({ ctx: { actor }, input: searchInputFromParams(sp) });
    } catch (e) {
      // Only a bad query is the user's to read; anything else is the error page's.
      if (!isAppError(e) || e.code !== 'bad_request') throw e;
      error = e.userMessage;
    }
  }
  const prefs = await getUserPreferences(actor.id);
  return (
    <>
      <PageHeader title="Search" description="Reports, accounts, domains, post text, notes and hashes on the instances you can see." />
      {/* Keyed by the query: a new search starts at its first result. */}
      <SearchClient key={`${q}\u0000${kind}`} q={q} kind={kind} result={result} error={error} gray={prefs.grayscaleMedia} />
    </>
  );
}
