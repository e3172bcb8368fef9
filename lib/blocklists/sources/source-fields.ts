/** The fields of a blocklist source as people type them (form, API, CLI), checked once for every verb. */
import { z } from 'zod';
import { AppError } from '@/lib/errors';

export const sourceFormat = z.enum(['auto', 'mastodon_csv', 'plain', 'mastodon_json'], { message: 'Format must be auto, mastodon_csv, plain or mastodon_json.' });
export const sourceName = z.string().trim().min(1, 'Give the source a name.').max(100, 'Keep the name under 100 characters.');
export const refreshMinutes = z.number({ message: 'Refresh must be a number of minutes.' }).int('Refresh must be whole minutes.')
  .min(5, 'Refresh at most every 5 minutes.').max(7 * 24 * 60, 'Refresh at least once a week.');
export const sourceId = z.uuid({ message: 'Unknown source.' });

/** Lists are big text files, and a URL answer is capped at the same size (fetch-source.ts). */
export const MAX_LIST_BYTES = 10 * 1024 * 1024;

/** Only http(s), no credentials in the URL (they would show in the list of sources and the audit log). */
export function parseSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badInput('source url does not parse', 'The list URL is not a valid address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput('source url scheme', 'The list URL must start with http:// or https://.');
  if (url.username || url.password) throw badInput('source url credentials', 'Put no user name or password in the list URL.');
  if (url.href.length > 2000) throw badInput('source url too long', 'The list URL is too long.');
  url.hash = '';
  return url.href;
}

export function badInput(message: string, userMessage: string): AppError {
  return new AppError('bad_request', message, { userMessage });
}

/** zod's first message, for a 400 a person can read. */
export function parseOr<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw badInput(`invalid ${what}`, r.error.issues[0]?.message ?? `Invalid ${what}.`);
  return r.data;
}
