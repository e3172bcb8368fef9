/**
 * Turns a Mastodon-style error body into short, printable text that is safe to log and show: the `error` field
 * of the JSON body when there is one, cleaned and with the token redacted (lib/connectors/shared/remote-text.ts).
 */
import { clean, redact } from '../shared/remote-text';
import { errorBodySchema } from './api-types';

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
