/**
 * listDomainBlocks on GoToSocial: GET /api/v1/admin/domain_blocks answers every block at once (no paging). Every
 * GoToSocial block is a full block, so each reads as 'suspend' without flags.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import { skipItem } from '../shared/report-items';
import type { RemoteDomainBlock, SkippedItem } from '../types';
import { gtsDomainBlockSchema } from './api-types';
import type { GoToSocialClient } from './client';
import { blockKey, listedDomain } from '../shared/domain-blocks';
import { formatIssues, rawId } from './parse-remote';

const listedBlockSchema = gtsDomainBlockSchema.extend({
  domain: z.string().max(300).transform((d, ctx) => listedDomain(d) ?? (ctx.addIssue({ code: 'custom', message: 'not a host name' }), z.NEVER)),
});

export function mapGtsDomainBlock(b: z.infer<typeof gtsDomainBlockSchema>): RemoteDomainBlock {
  return {
    domain: listedDomain(b.domain) ?? blockKey(b.domain),
    remoteId: b.id,
    severity: 'suspend',
    rejectMedia: false,
    rejectReports: false,
    // GoToSocial answers "" for no comment.
    publicComment: b.public_comment || null,
    obfuscate: b.obfuscate ?? false,
  };
}

export async function listDomainBlocksGoToSocial(client: GoToSocialClient): Promise<{ blocks: RemoteDomainBlock[]; skipped: SkippedItem[] }> {
  const res = await client.get('/api/v1/admin/domain_blocks');
  const list = z.array(z.unknown()).safeParse(res.data);
  if (!list.success) {
    throw new AppError('remote_error', 'GoToSocial domain block list is not an array', {
      userMessage: 'The instance returned a domain block list this dashboard cannot read.',
    });
  }
  const blocks: RemoteDomainBlock[] = [];
  const skipped: SkippedItem[] = [];
  for (const raw of list.data) {
    const parsed = listedBlockSchema.safeParse(raw);
    if (parsed.success) blocks.push(mapGtsDomainBlock(parsed.data));
    else skipped.push(skipItem(rawId(raw), formatIssues(parsed.error), raw));
  }
  return { blocks, skipped };
}
