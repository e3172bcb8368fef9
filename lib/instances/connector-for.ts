/**
 * Builds a connector for a stored instance: unseals the token and gives the connector the SSRF-safe fetch,
 * with private addresses allowed only for instances an admin marked as local test hosts.
 */
import { createConnector } from '@/lib/connectors/registry';
import type { Connector, ServerKind } from '@/lib/connectors/types';
import { createSafeFetch } from '@/lib/net/safe-fetch';
import { detectSoftware, type DetectedSoftware } from '@/lib/connectors/detect/detect-software';
import { storedApiVersion } from '@/lib/connectors/detect/api-version';
import { openToken } from './token-box';

export interface InstanceLike {
  id: string;
  kind: string;
  baseUrl: string;
  tokenSealed: string;
  allowPrivate: boolean;
  /** Stored detection ({..., apiVersion}); picks the API generation for kinds that have several. */
  software?: unknown;
}

function instanceFetch(allowPrivate: boolean) {
  return createSafeFetch({ allowPrivate, maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 3 });
}

/** NodeInfo first, then /api/v1/instance; runs before the token is used at all. */
export function detectInstanceSoftware(baseUrl: string, allowPrivate: boolean): Promise<DetectedSoftware> {
  return detectSoftware(baseUrl, instanceFetch(allowPrivate));
}

export function connectorWithToken(kind: string, baseUrl: string, token: string, allowPrivate: boolean, apiVersion: string | null = null): Connector {
  return createConnector(kind as ServerKind, { baseUrl, token, fetch: instanceFetch(allowPrivate), apiVersion });
}

export async function connectorFor(instance: InstanceLike): Promise<Connector> {
  const token = await openToken(instance.tokenSealed, instance.baseUrl);
  return connectorWithToken(instance.kind, instance.baseUrl, token, instance.allowPrivate, storedApiVersion(instance.software));
}
