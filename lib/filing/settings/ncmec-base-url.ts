/**
 * The base URL to store: the fixed address of the test or production service, or a custom one (a local fake, a
 * proxy). A custom address must be https unless an owner allowed a private address (a local test server over http).
 */
import { AppError } from '@/lib/errors';
import { ncmecBaseUrl } from '@/lib/filing/ncmec/environments';
import type { NcmecEnvironment } from '@/lib/filing/types';

const bad = (userMessage: string) => new AppError('bad_request', 'ncmec settings: bad base URL', { userMessage });

export function resolveNcmecBaseUrl(environment: NcmecEnvironment, custom: string | undefined, allowPrivate: boolean): string {
  if (environment !== 'custom') return ncmecBaseUrl(environment);
  if (!custom) throw bad('Enter the custom base URL.');
  let url: URL;
  try {
    url = new URL(custom);
  } catch {
    throw bad('The custom base URL is not a valid address.');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    throw bad('Use an https:// address (http only for a local test server with a private address allowed).');
  }
  if (url.username || url.password) throw bad('Do not put credentials in the URL: use the username and password fields.');
  if (url.search || url.hash) throw bad('The base URL cannot have a query or a fragment.');
  // Stored without a trailing slash: the client appends /status, /submit...
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
