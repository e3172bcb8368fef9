/**
 * listDomainBlocks on Mastodon: GET /api/v1/admin/domain_blocks (admin:read:domain_blocks, Manage Federation),
 * every page through the Link header at Mastodon's largest page (200). One malformed entry is skipped, not fatal.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import { skipItem } from '../shared/report-items';
import type { RemoteDomainBlock, SkippedItem } from '../types';
import { adminDomainBlockSchema, type MastodonAdminDomainBlock } from './api-types';
import type { MastodonClient } from './client';
import { blockKey, listedDomain } from '../shared/domain-blocks';
import { formatIssues, rawId } from './parse-remote';

const PAGE = 200;
// A runaway server (a Link loop, or millions of blocks) must not hold the worker forever.
const MAX_PAGES = 500;

const listedBlockSchema = adminDomainBlockSchema.extend({
  domain: z.string().max(300).transform((d, ctx) => listedDomain(d) ?? (ctx.addIssue({ code: 'custom', message: 'not a host name' }), z.NEVER)),
});

export function mapMastodonDomainBlock(b: MastodonAdminDomainBlock): RemoteDomainBlock {
  return {
    domain: listedDomain(b.domain) ?? blockKey(b.domain),
    remoteId: b.id,
    severity: b.severity,
    rejectMedia: b.reject_media ?? false,
    rejectReports: b.reject_reports ?? false,
    publicComment: b.public_comment ?? null,
    obfuscate: b.obfuscate ?? false,
  };
}

export async function listDomainBlocksMastodon(client: MastodonClient): Promise<{ blocks: RemoteDomainBlock[]; skipped: SkippedItem[] }> {
  const blocks: RemoteDomainBlock[] = [];
  const skipped: SkippedItem[] = [];
  const seen = new Set<string>();
  let page: Record<string, string> = {};
  for (let n = 0; n < MAX_PAGES; n++) {
    const res = await client.get('/api/v1/admin/domain_blocks', { limit: PAGE, ...page });
    const list = z.array(z.unknown()).safeParse(res.data);
    if (!list.success) {
      throw new AppError('remote_error', 'Mastodon domain block list is not an array', {
        userMessage: 'The instance returned a domain block list this dashboard cannot read.',
      });
    }
    for (const raw of list.data) {
      const parsed = listedBlockSchema.safeParse(raw);
      if (!parsed.success) {
        skipped.push(skipItem(rawId(raw), formatIssues(parsed.error), raw));
        continue;
      }
      if (seen.has(parsed.data.id)) continue;
      seen.add(parsed.data.id);
      blocks.push(mapMastodonDomainBlock(parsed.data));
    }
    const next = res.links.next;
    if (list.data.length === 0 || !next?.max_id || next.max_id === page.max_id) break;
    page = { max_id: next.max_id };
  }
  return { blocks, skipped };
}
