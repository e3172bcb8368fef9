/**
 * A bank entry added from media names the media, the report, the user and the instance it came from. Banks are
 * shared by the whole team, but a moderator limited to some instances must not learn about reports on the others
 * (issue 8): for them such provenance is reduced to "from media on an instance you cannot see". Pure.
 */
import { z } from 'zod';
import type { Actor } from '@/lib/audit/actor';
import { canSeeInstance, visibleInstanceIds } from '@/lib/auth/policy';

const fromMedia = z.object({ source: z.literal('media'), instanceId: z.string().optional() });

export const HIDDEN_MEDIA_PROVENANCE = Object.freeze({ source: 'media', hidden: true });

export function visibleProvenance(actor: Actor, provenance: unknown): unknown {
  if (visibleInstanceIds(actor) === null) return provenance;
  const media = fromMedia.safeParse(provenance);
  if (!media.success) return provenance; // imports name a file, not an instance
  // Entries without an instance id cannot be placed: fail closed for limited users.
  return media.data.instanceId && canSeeInstance(actor, media.data.instanceId) ? provenance : HIDDEN_MEDIA_PROVENANCE;
}
