/**
 * The instances a Lemmy server blocks, read through its own API (instance-apis.md §3):
 * - 0.19 (v3): GET /api/v3/federated_instances → federated_instances.blocked, the whole list in one answer.
 *   federated_instances is null when federation is off; then nothing can be read safely and the call throws.
 * - 1.0 (v4): GET /api/v4/federated_instances?kind=blocked, a PagedResponse<FederatedInstanceView> walked with
 *   next_page (limit at most 50: FETCH_LIMIT_MAX in lemmy crates/db_schema/src/utils).
 * Lemmy blocks are full blocks of exactly that domain, with no severity, flags or comment.
 * `raw` keeps every listed string, even ones that are not domains, so a whole-list write (v3) never drops them.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { RemoteDomainBlock, SkippedItem } from '../types';
import { blockKey } from '../shared/domain-blocks';
import { V3, V4, type LemmyClient } from './client';
import { parseRemote } from './parse';

export interface LemmyBlockList {
  blocks: RemoteDomainBlock[];
  skipped: SkippedItem[];
  /** The domains exactly as the server listed them (v3 writes the whole list back). */
  raw: string[];
}

const V4_PAGE_LIMIT = 50;
/** 50 × 2,000 pages is far beyond any real blocklist; a server that keeps paging past it is not trusted. */
const V4_MAX_PAGES = 2_000;

const v3Schema = z.object({
  federated_instances: z.object({ blocked: z.array(z.unknown()) }).nullable(),
});
const v3Entry = z.object({ domain: z.string() });

const v4PageSchema = z.object({ items: z.array(z.unknown()), next_page: z.string().min(1).nullish() });
const v4Entry = z.object({
  instance: z.object({ domain: z.string() }),
  // kind=blocked returns only blocked instances; an explicit null would mean "not blocked" and is left out.
  blocked: z.object({ expires_at: z.string().nullish() }).passthrough().nullish(),
});

const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(\.(?!-)[a-z0-9-]{1,63})+$/;

/** Lower-case, no trailing dot; null when it is not a domain name we could ever send back. */
export function lemmyBlockDomain(raw: string): string | null {
  const d = blockKey(raw);
  return DOMAIN.test(d) ? d : null;
}

export function lemmyBlock(domain: string): RemoteDomainBlock {
  return { domain, remoteId: null, severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false };
}

export async function listLemmyDomainBlocks(client: LemmyClient): Promise<{ blocks: RemoteDomainBlock[]; skipped: SkippedItem[] }> {
  const { blocks, skipped } = await readLemmyBlockList(client);
  return { blocks, skipped };
}

export async function readLemmyBlockList(client: LemmyClient): Promise<LemmyBlockList> {
  const items = client.api === 'v4' ? await readV4(client) : await readV3(client);
  const list: LemmyBlockList = { blocks: [], skipped: [], raw: [] };
  const seen = new Set<string>();
  for (const item of items) {
    const parsed = client.api === 'v4' ? v4Entry.safeParse(item) : v3Entry.safeParse(item);
    if (!parsed.success) {
      list.skipped.push({ remoteId: null, error: 'not a blocked instance entry', raw: item });
      continue;
    }
    const data = parsed.data as { domain?: string; instance?: { domain: string }; blocked?: unknown };
    if (client.api === 'v4' && data.blocked === null) continue;
    const rawDomain = data.instance?.domain ?? data.domain ?? '';
    list.raw.push(rawDomain);
    const domain = lemmyBlockDomain(rawDomain);
    if (!domain) {
      list.skipped.push({ remoteId: null, error: 'not a domain name', raw: item });
      continue;
    }
    if (seen.has(domain)) continue;
    seen.add(domain);
    list.blocks.push(lemmyBlock(domain));
  }
  list.blocks.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return list;
}

async function readV3(client: LemmyClient): Promise<unknown[]> {
  const data = parseRemote(v3Schema, await client.request('GET', `${V3}/federated_instances`), 'federated instance list');
  if (!data.federated_instances) {
    throw new AppError('remote_error', 'Lemmy GET /api/v3/federated_instances: federated_instances is null', {
      userMessage: 'The instance did not return its blocked instances (federation may be turned off), so its blocks cannot be read.',
    });
  }
  return data.federated_instances.blocked;
}

async function readV4(client: LemmyClient): Promise<unknown[]> {
  const items: unknown[] = [];
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < V4_MAX_PAGES; page++) {
    const data = parseRemote(
      v4PageSchema,
      await client.request('GET', `${V4}/federated_instances`, { query: { kind: 'blocked', limit: V4_PAGE_LIMIT, page_cursor: cursor } }),
      'federated instance list',
    );
    items.push(...data.items);
    const next = data.next_page ?? undefined;
    // Lemmy's PagedResponse may carry a next_page on the last page; an empty page or a repeated cursor ends it.
    if (!next || data.items.length === 0 || cursors.has(next)) return items;
    cursors.add(next);
    cursor = next;
  }
  throw new AppError('remote_error', 'Lemmy GET /api/v4/federated_instances: too many pages', {
    userMessage: 'The instance kept paging its blocked instances past any real list size, so its blocks cannot be read.',
  });
}
