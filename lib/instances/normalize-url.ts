import { AppError } from '@/lib/errors';

/** An instance is addressed by its origin: scheme + host (+ port). Paths and queries are not allowed. */
export function normalizeBaseUrl(input: string): { baseUrl: string; domain: string } {
  let url: URL;
  try {
    url = new URL(input.trim().includes('://') ? input.trim() : `https://${input.trim()}`);
  } catch {
    throw new AppError('bad_request', 'invalid instance url', { userMessage: 'That is not a valid URL.' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('bad_request', 'unsupported scheme', { userMessage: 'Use an https:// address.' });
  }
  if (url.username || url.password) {
    throw new AppError('bad_request', 'credentials in url', { userMessage: 'Do not put credentials in the URL.' });
  }
  return { baseUrl: url.origin, domain: url.hostname.replace(/^\[|\]$/g, '') };
}
