/**
 * Whether a domain block whose earlier send may have reached the server is there now, read from the server's own
 * block list (Connector.listDomainBlocks, which every kind that applies blocklists has). Kinds without the list
 * answer 'unknown', which hands the action to a human as before.
 */
import type { RemoteCheck } from './delivery-class';
import { blockKey } from '@/lib/connectors/shared/domain-blocks';
import type { Connector } from '@/lib/connectors/types';

export async function checkDomainBlock(connector: Connector, rawDomain: unknown): Promise<RemoteCheck> {
  if (!connector.listDomainBlocks || typeof rawDomain !== 'string') return 'unknown';
  const domain = blockKey(rawDomain);
  const { blocks } = await connector.listDomainBlocks();
  return blocks.some((b) => b.domain === domain) ? 'applied' : 'not_applied';
}
