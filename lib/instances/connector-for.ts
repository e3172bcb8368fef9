/**
 * Builds a connector for a stored instance: unseals the token and gives the connector the SSRF-safe fetch,
 * with private addresses allowed only on the own origin of instances an owner marked as local test hosts.
 */
import { createConnector } from '@/lib/connectors/registry';
import type { Connector, ServerKind } from '@/lib/connectors/types';
import { exemptOriginFor } from '@/lib/net/fetch-policy';
import { createSafeFetch } from '@/lib/net/safe-fetch';
import { detectSoftware, type DetectedSoftware } from '@/lib/connectors/detect/detect-software';
import { storedApiVersion } from '@/lib/connectors/detect/api-version';
import { openToken } from './token-box';
import { cachedConnector, connectorKey } from './connector-cache';

export interface InstanceLike {
  id: string;
  kind: string;
  baseUrl: string;
  tokenSealed: string;
  allowPrivate: boolean;
  /** Stored detection ({..., apiVersion}); picks the API generation for kinds that have several. */
  software?: unknown;
}

// The exemption covers the instance's own origin only: a redirect to another port or host keeps the full policy.
function instanceFetch(baseUrl: string, allowPrivate: boolean) {
  return createSafeFetch({ exemptOrigin: exemptOriginFor({ baseUrl, allowPrivate }), maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 3 });
}

/** NodeInfo first, then /api/v1/instance; runs before the token is used at all. */
export function detectInstanceSoftware(baseUrl: string, allowPrivate: boolean): Promise<DetectedSoftware> {
  return detectSoftware(baseUrl, instanceFetch(baseUrl, allowPrivate));
}

export function connectorWithToken(kind: string, baseUrl: string, token: string, allowPrivate: boolean, apiVersion: string | null = null): Connector {
  return createConnector(kind as ServerKind, { baseUrl, token, fetch: instanceFetch(baseUrl, allowPrivate), apiVersion });
}

/**
 * The instance's connector, reused across syncs and actions in this process (see connector-cache.ts): a PeerTube
 * or Lemmy session lives on instead of signing in again for every call.
 */
export function connectorFor(instance: InstanceLike): Promise<Connector> {
  const apiVersion = storedApiVersion(instance.software);
  const key = connectorKey([instance.kind, instance.baseUrl, instance.tokenSealed, apiVersion, instance.allowPrivate]);
  return cachedConnector(instance.id, key, async () => {
    const token = await openToken(instance.tokenSealed, instance.baseUrl);
    return connectorWithToken(instance.kind, instance.baseUrl, token, instance.allowPrivate, apiVersion);
  });
}
