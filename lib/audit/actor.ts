import type { Role } from '@/lib/generated/prisma/enums';

/** Who is doing something. Verbs take it as `ctx.actor`; jobs and webhooks have their own kinds. */
export type Actor =
  | {
      type: 'user'; id: string; email: string; role: Role; instanceIds: string[] | null; ip?: string | null;
      /** The AuthSession this request came with (absent for CLI and test actors): "every other session" keeps it. */
      sessionId?: string | null;
      /** The team requires a second factor of this owner/admin, who has none yet: only the security page and its
       * routes are open until one is enrolled (lib/auth/totp/must-enrol.ts). */
      mustEnrol2fa?: boolean;
    }
  | { type: 'system'; label: string }
  | { type: 'webhook'; instanceId: string };

export interface Ctx {
  actor: Actor;
}

export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case 'user': return actor.email;
    case 'system': return `system:${actor.label}`;
    case 'webhook': return `webhook:${actor.instanceId}`;
  }
}

export function actorId(actor: Actor): string | null {
  return actor.type === 'user' ? actor.id : null;
}
