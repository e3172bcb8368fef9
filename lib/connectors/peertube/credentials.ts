/**
 * ConnectorConfig has one `token` string. For PeerTube it is either a ready access token or a JSON string
 * {"username","password"}: PeerTube only hands out tokens through the OAuth password grant, and they expire,
 * so storing the credentials lets the connector sign in again by itself.
 */
import { z } from 'zod';

export type PeerTubeCredentials =
  | { mode: 'token'; accessToken: string }
  | { mode: 'password'; username: string; password: string };

const passwordSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });

export function parseCredentials(token: string): PeerTubeCredentials {
  const trimmed = token.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = passwordSchema.safeParse(JSON.parse(trimmed));
      if (parsed.success) return { mode: 'password', ...parsed.data };
    } catch {
      // Not JSON after all: treat the whole string as a token, which the server will accept or refuse.
    }
  }
  return { mode: 'token', accessToken: trimmed };
}
