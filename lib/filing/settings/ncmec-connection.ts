/**
 * Server only: the opened CyberTipline settings a filing or a connection test runs with, and the client for them.
 * The client goes through the SSRF-safe fetch: public addresses only, except the base URL's own origin when an
 * owner allowed a private address (a local test server), with no redirects (Basic credentials must not follow one).
 */
import type { FetchLike } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { createNcmecClient, type NcmecClient } from '@/lib/filing/ncmec/client';
import type { NcmecEnvironment, NcmecSettingsView } from '@/lib/filing/types';
import { exemptOriginFor } from '@/lib/net/fetch-policy';
import { createSafeFetch } from '@/lib/net/safe-fetch';
import { openNcmecCredentials, type NcmecCredentials } from './ncmec-credentials';
import { isNcmecConfigured, readStoredNcmec, type StoredNcmecSettings } from './ncmec-stored';

export interface NcmecConnection {
  environment: NcmecEnvironment;
  baseUrl: string;
  allowPrivate: boolean;
  username: string;
  password: string;
  reporter: NcmecSettingsView['reporter'];
  organization: NcmecSettingsView['organization'];
}

/** The stored settings with their credentials opened, reporter or not (a connection test needs only these). */
export async function loadNcmecCredentials(): Promise<{ settings: StoredNcmecSettings; credentials: NcmecCredentials } | null> {
  const settings = await readStoredNcmec();
  if (!settings.credentialsSealed) return null;
  const credentials = await openNcmecCredentials(settings.credentialsSealed, settings.baseUrl);
  return credentials ? { settings, credentials } : null;
}

/** null unless credentials (that open) and a reporting person with a name and an email are set. */
export async function loadNcmecConnection(): Promise<NcmecConnection | null> {
  const loaded = await loadNcmecCredentials();
  if (!loaded || !isNcmecConfigured(loaded.settings)) return null;
  const { settings: s, credentials: c } = loaded;
  return {
    environment: s.environment, baseUrl: s.baseUrl, allowPrivate: s.allowPrivate, username: c.username, password: c.password,
    reporter: { ...s.reporter }, organization: { ...s.organization },
  };
}

export async function requireNcmecConnection(): Promise<NcmecConnection> {
  const conn = await loadNcmecConnection();
  if (!conn) {
    throw new AppError('conflict', 'ncmec: not configured', { userMessage: 'CyberTipline is not set up: an admin enters the credentials and reporting person in Settings' });
  }
  return conn;
}

export function ncmecClientFor(
  conn: Pick<NcmecConnection, 'baseUrl' | 'allowPrivate' | 'username' | 'password'>,
  opts: { fetch?: FetchLike; sleep?: (ms: number) => Promise<void> } = {},
): NcmecClient {
  const fetch = opts.fetch ?? createSafeFetch({
    exemptOrigin: exemptOriginFor({ baseUrl: conn.baseUrl, allowPrivate: conn.allowPrivate }), maxBytes: 1024 * 1024, timeoutMs: 60_000, maxRedirects: 0,
  });
  return createNcmecClient({ baseUrl: conn.baseUrl, username: conn.username, password: conn.password, fetch, sleep: opts.sleep });
}
