// The session carries only the user id and the session version it was issued with; everything else is loaded fresh
// per request (current-actor.ts), where the version is compared with the user's current one.
import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    sessionVersion?: unknown;
    sessionId?: unknown;
  }
}
