/**
 * Watch lists (issue 14) on Misskey: new public notes and server-side hashtag and keyword lookups. Endpoints and
 * params from misskey-js autogen types (notes/global-timeline, notes/local-timeline, notes/search-by-tag,
 * notes/search: limit 1-100, sinceId, untilId). With sinceId alone Misskey's makePaginationQuery orders by id
 * ASCENDING: the page is the oldest `limit` notes after the cursor, so a busy server is read without gaps and
 * the next scan goes on from the newest id of this page. None of these fetch from another server.
 * Errors (misskey-dev/misskey endpoint metas): GTL_DISABLED / LTL_DISABLED when the token's role may not read that
 * timeline; UNAVAILABLE ("Search of notes unavailable.") when the role policy canSearchNotes is off.
 */
import { z } from 'zod';
import { AppError, isAppError } from '../../errors';
import type { PostPage, RecentPostsInput, SearchPostsInput } from '../watch-types';
import type { MisskeyClient } from './client';
import { parseNotePage } from './watch-parse';
import { safeId } from './parse-remote';

export const WATCH_MAX_LIMIT = 100;

export async function listRecentNotes(client: MisskeyClient, input: RecentPostsInput): Promise<PostPage> {
  const params = pageParams(input);
  let raw: unknown[];
  try {
    raw = await readNotes(client, 'notes/global-timeline', params);
  } catch (e) {
    // A server that closed its global timeline still shows its own users' notes; federated ones are then not watched.
    if (!isAppError(e) || e.details?.code !== 'GTL_DISABLED') throw e;
    raw = await readNotes(client, 'notes/local-timeline', params);
  }
  return parseNotePage(raw, client.baseUrl, params.sinceId ?? null);
}

export async function searchNotes(client: MisskeyClient, input: SearchPostsInput): Promise<PostPage> {
  const params = pageParams(input);
  const value = input.value.trim();
  if (!value) throw new AppError('bad_request', 'Empty watch term', { userMessage: 'The watch term is empty.' });
  if (input.kind === 'hashtag') {
    const raw = await readNotes(client, 'notes/search-by-tag', { ...params, tag: value.replace(/^#/, '') });
    return parseNotePage(raw, client.baseUrl, params.sinceId ?? null);
  }
  try {
    const raw = await readNotes(client, 'notes/search', { ...params, query: value });
    return parseNotePage(raw, client.baseUrl, params.sinceId ?? null);
  } catch (e) {
    if (isAppError(e) && e.details?.code === 'UNAVAILABLE') {
      throw new AppError('unsupported', 'Misskey notes/search is unavailable for this token', {
        details: { code: 'UNAVAILABLE' },
        userMessage:
          'This Misskey server does not let the dashboard\'s account search notes (the role policy "Can search notes" is off). ' +
          'Keywords are still watched in the new-notes scan; turn that policy on for the account\'s role to also search older notes.',
      });
    }
    throw e;
  }
}

function pageParams(input: RecentPostsInput): { limit: number; sinceId?: string } {
  const limit = Math.min(WATCH_MAX_LIMIT, Math.max(1, Math.trunc(input.limit ?? WATCH_MAX_LIMIT)));
  return input.since ? { limit, sinceId: safeId(input.since) } : { limit };
}

async function readNotes(client: MisskeyClient, endpoint: string, params: Record<string, unknown>): Promise<unknown[]> {
  const list = z.array(z.unknown()).safeParse(await client.call(endpoint, params, { read: true }));
  if (!list.success) {
    throw new AppError('remote_error', `Misskey ${endpoint} did not answer a list`, {
      userMessage: 'The instance returned a note list this dashboard cannot read.',
    });
  }
  return list.data;
}
