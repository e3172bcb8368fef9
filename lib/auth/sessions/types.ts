/** What the sessions list sends to the browser (never the raw user agent's full text beyond the device hint). */
import { z } from 'zod';

export const sessionViewSchema = z.object({
  id: z.uuid(),
  method: z.string(),
  device: z.string(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const sessionListSchema = z.object({ sessions: z.array(sessionViewSchema) });

/** How a sign-in was made, in words. */
export const METHOD_LABELS: Record<string, string> = {
  password: 'Password',
  'password+totp': 'Password and authenticator code',
  'password+recovery': 'Password and recovery code',
  'password+passkey': 'Password and passkey',
  sso: 'Single sign-on',
};
