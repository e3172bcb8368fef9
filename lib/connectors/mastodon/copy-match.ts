/**
 * Turns Mastodon-shaped statuses (Mastodon, GoToSocial) into FoundCopy rows for a CopyQuery. Only exact equality
 * identifies a copy: the status's ActivityPub id equals the origin URI, or one of its files' remote_url equals an
 * origin file URL. Anything else a server sends back (a near match, a different post by the same account) is ignored.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { CopyQuery, FoundCopy } from '../types';
import { statusSchema, type MastodonStatus } from './api-types';

/** Parses a list of statuses one by one: a malformed item is dropped, a non-list is the server's error. */
export function parseStatusList(data: unknown, service: string, label: string): MastodonStatus[] {
  const list = z.array(z.unknown()).max(1000).safeParse(data);
  if (!list.success) {
    throw new AppError('remote_error', `${service} ${label} is not a list of statuses`, {
      userMessage: 'The instance returned a post list this dashboard cannot read.',
    });
  }
  const out: MastodonStatus[] = [];
  for (const raw of list.data) {
    const parsed = statusSchema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function matchStatuses(statuses: MastodonStatus[], query: CopyQuery): FoundCopy[] {
  const seen = new Set<string>();
  const copies: FoundCopy[] = [];
  for (const status of statuses) {
    const copy = matchStatus(status, query);
    if (copy && !seen.has(status.id)) {
      seen.add(status.id);
      copies.push(copy);
    }
  }
  return copies;
}

export function matchStatus(status: MastodonStatus, query: CopyQuery): FoundCopy | null {
  const media = status.media_attachments ?? [];
  const byFile = media.find((m) => typeof m.remote_url === 'string' && query.originMediaUrls.includes(m.remote_url));
  // The origin post is identified by its ActivityPub id; its web URL stands in only when the id is unknown.
  const byUri = query.originUri !== null
    ? status.uri === query.originUri
    : query.originUrl !== null && status.url === query.originUrl;
  if (!byUri && !byFile) return null;
  // Found by its post: the file is the one whose origin URL we know, else the post's first image.
  const file = byFile ?? media.find((m) => m.type === 'image') ?? null;
  return {
    postId: status.id,
    postUrl: storable(status.url),
    postUri: storable(status.uri),
    mediaId: file?.id ?? null,
    mediaUrl: storable(file?.url),
    originMediaUrl: storable(file?.remote_url),
    account: accountOf(status),
    foundBy: byUri ? 'origin_uri' : 'media_url',
  };
}

function accountOf(status: MastodonStatus): FoundCopy['account'] {
  const acct = storable(status.account?.acct);
  return acct ? { remoteId: storable(status.account?.id), acct } : null;
}

/** What the case stores must fit a text column: no NUL bytes (Postgres rejects them), no megabyte strings. */
export function storable(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_STORED || value.includes('\u0000')) return null;
  return value;
}

const MAX_STORED = 2048;
