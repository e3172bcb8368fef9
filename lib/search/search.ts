/**
 * One search box over reports, accounts, domains, post text, notes and hashes, limited to what the actor can see.
 * Every group is one query (its rows tell the capped total); the groups run side by side.
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { parseHashQuery } from './hash-query';
import { searchAccounts } from './search-accounts';
import { searchDomains } from './search-domains';
import { searchHashes } from './search-hashes';
import { searchInputSchema, type SearchInput } from './search-input';
import type { SearchQueryInput } from './search-params';
import { searchNotes } from './search-notes';
import { searchPosts } from './search-posts';
import { searchReports } from './search-reports';
import { SEARCH_KINDS, type SearchGroup, type SearchResult } from './types';

export async function search({ ctx, input }: { ctx: Ctx; input: SearchInput | SearchQueryInput }): Promise<SearchResult> {
  if (!hasRole(ctx.actor, 'viewer') || ctx.actor.type === 'webhook') throw new AppError('forbidden', 'search needs staff');
  const parsed = searchInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid search', { userMessage: firstMessage(parsed.error) });
  const { q, limit } = parsed.data;
  const kinds = parsed.data.kinds ?? SEARCH_KINDS;
  const ids = visibleInstanceIds(ctx.actor);
  const hash = parseHashQuery(q);
  const groups = await Promise.all(kinds.map((kind): Promise<SearchGroup> => {
    switch (kind) {
      case 'reports': return searchReports(q, ids, limit);
      case 'accounts': return searchAccounts(q, ids, limit);
      case 'domains': return searchDomains(q, ids, limit);
      case 'posts': return searchPosts(q, ids, limit);
      case 'notes': return searchNotes(q, ids, limit, ctx.actor);
      case 'hashes': return hash ? searchHashes(hash, ids, limit) : Promise.resolve({ kind, total: '0', items: [] });
    }
  }));
  return { q, groups };
}

function firstMessage(e: z.ZodError): string {
  const issue = e.issues[0];
  if (issue?.path[0] === 'q') return issue.message;
  if (issue?.path[0] === 'kinds') return `Search kinds are ${SEARCH_KINDS.join(', ')}.`;
  if (issue?.path[0] === 'limit') return 'The limit is a number from 1 to 50.';
  return 'The search was not valid.';
}
