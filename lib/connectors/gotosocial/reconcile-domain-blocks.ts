/**
 * domain.blocks_reconcile on GoToSocial: read every block once, then POST the missing ones and DELETE /:id the ones
 * whose target is null. A block cannot be changed in place (canUpdate false) and every block is full, so an existing
 * block already matches any target; nothing already right is sent, so a retried action converges.
 */
import { isAppError } from '../../errors';
import type { ActionResult, DomainBlockChange, DomainBlockTarget, RemoteDomainBlock } from '../types';
import { gtsDomainBlockSchema } from './api-types';
import type { GoToSocialClient } from './client';
import { reconcileEach } from '../shared/domain-blocks';
import { listDomainBlocksGoToSocial, mapGtsDomainBlock } from './list-domain-blocks';
import { parseRemote, safeId } from './parse-remote';

const BASE = '/api/v1/admin/domain_blocks';

export async function reconcileDomainBlocksGoToSocial(client: GoToSocialClient, changes: DomainBlockChange[]): Promise<ActionResult> {
  const { blocks } = await listDomainBlocksGoToSocial(client);
  return reconcileEach(blocks, changes, (domain, target, existing) => reconcileOne(client, domain, target, existing));
}

async function reconcileOne(
  client: GoToSocialClient, domain: string, target: DomainBlockTarget | null, existing: RemoteDomainBlock | undefined,
): Promise<RemoteDomainBlock | null> {
  if (!target) {
    if (!existing?.remoteId) return null;
    try {
      await client.request('DELETE', `${BASE}/${safeId(existing.remoteId)}`);
    } catch (e) {
      if (!(isAppError(e) && e.code === 'not_found')) throw e;
    }
    return null;
  }
  if (existing) return existing;
  const res = await client.post(BASE, {
    domain,
    obfuscate: target.obfuscate,
    public_comment: target.publicComment || undefined,
    private_comment: target.privateComment || undefined,
  });
  return mapGtsDomainBlock(parseRemote(gtsDomainBlockSchema, res.data, 'domain block'));
}
