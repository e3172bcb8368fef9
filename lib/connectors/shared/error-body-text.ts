/**
 * The server's own words from an error body, whatever the software: Mastodon, GoToSocial, Akkoma and Lemmy send
 * {"error": "..."}, Misskey {"error": {"message": "..."}}, OAuth {"error_description": "..."}, PeerTube RFC 7807
 * {"detail" or "title"}. The body is hostile: parsed with zod, only short strings kept, cleaned (control characters
 * out, capped at 300) and the token redacted. Not JSON (a proxy's HTML page) gives '' : the status says more.
 */
import { z } from 'zod';
import { clean, redact } from './remote-text';

const words = z.string().max(5000);
const errorBody = z.object({
  error: z.union([words, z.object({ message: words.optional() })]).optional(),
  error_description: words.nullish(),
  detail: words.nullish(),
  title: words.nullish(),
  message: words.nullish(),
});

export function errorBodyText(body: string, token = ''): string {
  let parsed: z.infer<typeof errorBody> | null = null;
  try {
    const result = errorBody.safeParse(JSON.parse(body));
    parsed = result.success ? result.data : null;
  } catch {
    return '';
  }
  if (!parsed) return '';
  const error = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
  // The description is the readable half of an OAuth error ("invalid_token" says little on its own).
  const text = parsed.error_description ?? error ?? parsed.detail ?? parsed.title ?? parsed.message ?? '';
  return clean(redact(text, token));
}
