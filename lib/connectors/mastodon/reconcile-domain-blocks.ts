/**
 * domain.blocks_reconcile on Mastodon: read every block once, then per domain POST (new), PUT /:id (severity or
 * flags differ) or DELETE /:id (target null). What already matches is not sent, so a retried action converges.
 * Comments are not compared (a list rewording its comment must not churn every server), but are sent with a write.
 */
import type { ActionResult, DomainBlockChange, DomainBlockTarget, RemoteDomainBlock } from '../types';
import { reconcileEach } from '../shared/domain-blocks';
import { adminDomainBlockSchema } from './api-types';
import type { MastodonClient } from './client';
import { listDomainBlocksMastodon, mapMastodonDomainBlock } from './list-domain-blocks';
import { parseRemote, safeId } from './parse-remote';
import { isAppError } from '../../errors';

const BASE = '/api/v1/admin/domain_blocks';

export async function reconcileDomainBlocksMastodon(client: MastodonClient, changes: DomainBlockChange[]): Promise<ActionResult> {
  const { blocks } = await listDomainBlocksMastodon(client);
  return reconcileEach(blocks, changes, (domain, target, existing) => reconcileOne(client, domain, target, existing));
}

async function reconcileOne(
  client: MastodonClient, domain: string, target: DomainBlockTarget | null, existing: RemoteDomainBlock | undefined,
): Promise<RemoteDomainBlock | null> {
  if (!target) {
    if (!existing?.remoteId) return null;
    try {
      await client.request('DELETE', `${BASE}/${safeId(existing.remoteId)}`);
    } catch (e) {
      // Someone lifted it in between: the goal (no block) is reached.
      if (!(isAppError(e) && e.code === 'not_found')) throw e;
    }
    return null;
  }
  if (existing && same(existing, target)) return existing;
  const form = {
    severity: target.severity,
    reject_media: target.rejectMedia,
    reject_reports: target.rejectReports,
    obfuscate: target.obfuscate,
    public_comment: target.publicComment ?? undefined,
    private_comment: target.privateComment ?? undefined,
  };
  const res = existing?.remoteId
    ? await client.put(`${BASE}/${safeId(existing.remoteId)}`, form)
    : await client.post(BASE, { domain, ...form });
  return mapMastodonDomainBlock(parseRemote(adminDomainBlockSchema, res.data, 'Admin::DomainBlock'));
}

function same(b: RemoteDomainBlock, t: DomainBlockTarget): boolean {
  return b.severity === t.severity && b.rejectMedia === t.rejectMedia && b.rejectReports === t.rejectReports && b.obfuscate === t.obfuscate;
}
