// The session carries only the user id; everything else is loaded fresh per request (current-actor.ts).
import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
  }
}
