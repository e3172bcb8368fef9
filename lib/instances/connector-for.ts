/**
 * Builds a connector for a stored instance: unseals the token and gives the connector the SSRF-safe fetch,
 * with private addresses allowed only for instances an admin marked as local test hosts.
 */
import { createConnector } from '@/lib/connectors/registry';
import type { Connector, ServerKind } from '@/lib/connectors/types';
import { createSafeFetch } from '@/lib/net/safe-fetch';
import { openToken } from './token-box';

export interface InstanceLike {
  id: string;
  kind: string;
  baseUrl: string;
  tokenSealed: string;
  allowPrivate: boolean;
}

export function connectorWithToken(kind: string, baseUrl: string, token: string, allowPrivate: boolean): Connector {
  const fetch = createSafeFetch({ allowPrivate, maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 3 });
  return createConnector(kind as ServerKind, { baseUrl, token, fetch });
}

export async function connectorFor(instance: InstanceLike): Promise<Connector> {
  const token = await openToken(instance.tokenSealed, instance.baseUrl);
  return connectorWithToken(instance.kind, instance.baseUrl, token, instance.allowPrivate);
}
