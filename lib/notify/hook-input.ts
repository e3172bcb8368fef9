/** The one parser for a hook's settings (routes, CLI and the verb all use it): a whole hook, or a partial change. */
import { z } from 'zod';
import { NOTIFY_EVENTS } from './types';

const url = z.string().trim().max(2000).refine((u) => {
  try {
    const p = new URL(u);
    return p.protocol === 'https:' || p.protocol === 'http:';
  } catch {
    return false;
  }
}, 'Enter the full address (https://…).');

export const hookFields = {
  name: z.string().trim().min(1, 'Give the hook a name.').max(100),
  kind: z.enum(['json', 'matrix']),
  url,
  // A Matrix room id (!opaque:server) or alias (#name:server); the homeserver resolves aliases itself.
  room: z.string().trim().regex(/^[!#][^\s:]+:[^\s]+$/, 'Enter the room id, like !abc123:example.org.').max(255).nullable().optional(),
  // Write-only. An empty string means "keep the stored one" (the form's "leave empty to keep").
  secret: z.string().max(4000).optional(),
  allowPrivate: z.boolean().optional(),
  enabled: z.boolean(),
  events: z.array(z.enum(NOTIFY_EVENTS)).min(1, 'Choose at least one event.').max(NOTIFY_EVENTS.length),
};

export const hookInputSchema = z.strictObject(hookFields);
export const hookPatchSchema = z.strictObject(hookFields).partial();
export type HookPatch = z.infer<typeof hookPatchSchema>;

/** A stored delivery's payload, parsed before it is sent (a row edited by hand is refused, not sent half-formed). */
export const notifyPayloadSchema = z.object({
  event: z.enum(NOTIFY_EVENTS), summary: z.string(), holdId: z.string(), ruleName: z.string(), instanceName: z.string(), url: z.string(),
  severity: z.number().nullable(), label: z.string().nullable(), step: z.string().nullable(), dueAt: z.string(), at: z.string(),
});
