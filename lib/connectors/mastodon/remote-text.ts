/**
 * Turns a remote error body into short, printable text that is safe to log and show: the `error` field of
 * Mastodon's JSON error body when there is one, control characters removed, length capped, token redacted
 * (a hostile or misconfigured server could echo the Authorization header back).
 */
import { errorBodySchema } from './api-types';

const MAX_LENGTH = 300;

export function remoteErrorText(body: string, token: string): string {
  let text = '';
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    if (parsed.success) text = parsed.data.error;
  } catch {
    // Not JSON (e.g. a proxy's HTML page): the status code alone says more than markup would.
  }
  return clean(redact(text, token));
}

export function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_LENGTH);
}

export function redact(text: string, token: string): string {
  return token ? text.split(token).join('[redacted]') : text;
}
