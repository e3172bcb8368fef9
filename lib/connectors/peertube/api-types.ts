/**
 * Zod schemas for the PeerTube responses the connector reads (instance-apis.md §6, AdminAbuse in
 * @peertube/peertube-types). Unknown fields are ignored; optional parts `.catch(null)` so a single odd
 * field does not throw away a whole report.
 */
import { z } from 'zod';
import { optionalDate, remoteIdSchema, requiredDate } from '../shared/remote-schemas';

const text = z.string().nullish();
/** The shared id rule (safeId's), so an abuse the list accepts can be read again by id. */
const id = remoteIdSchema;

export const accountSchema = z.object({
  id,
  name: z.string().min(1),
  host: z.string().min(1),
  displayName: text,
  url: text,
  createdAt: optionalDate,
  avatars: z.array(z.object({ path: text })).nullish().catch(null),
});

export const abuseVideoSchema = z.object({
  id,
  uuid: text,
  name: text,
  nsfw: z.boolean().nullish(),
  deleted: z.boolean().nullish(),
  blacklisted: z.boolean().nullish(),
  thumbnailPath: text,
  // Not in AdminAbuse's typed video, but sent by some versions; hashed too when present.
  previewPath: text,
});

export const abuseCommentSchema = z.object({
  id,
  text: z.string(),
  deleted: z.boolean().nullish(),
  video: z.object({ id, uuid: text, name: text }),
});

export const abuseSchema = z.object({
  id,
  reason: text,
  predefinedReasons: z.array(z.string()).nullish().catch(null),
  reporterAccount: accountSchema.nullish().catch(null),
  flaggedAccount: accountSchema, // the reported account: without it the report is useless
  state: z.object({ id: z.number().int(), label: text }),
  moderationComment: text,
  video: abuseVideoSchema.nullish(),
  comment: abuseCommentSchema.nullish(),
  createdAt: requiredDate,
  updatedAt: optionalDate,
});

/**
 * The list envelope; items are parsed one by one so one broken abuse does not sink the page. A `total` that is
 * not a non-negative integer is read as unknown, never an error (paging ends on a short page, not on `total`).
 */
export const abuseListSchema = z.object({
  total: z.unknown().optional().transform((t) => (typeof t === 'number' && Number.isSafeInteger(t) && t >= 0 ? t : null)),
  data: z.array(z.unknown()),
});

/**
 * GET /api/v1/videos/{id} (VideoDetails), read before a block: `blacklisted` is PeerTube's own block state (sent in
 * the details, blacklistInfo in video-api-format.ts) and `isLocal` decides whether the block may unfederate.
 */
export const videoSchema = z.object({
  id,
  isLocal: z.boolean().nullish().catch(null),
  blacklisted: z.boolean().nullish().catch(null),
});

export const oauthClientSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });
export const tokenSchema = z.object({ access_token: z.string().min(1), refresh_token: z.string().nullish() });

export const meSchema = z.object({
  username: z.string(),
  // PeerTube ≥4 sends {id,label}; older versions a bare number.
  role: z.union([z.number().int(), z.object({ id: z.number().int(), label: text })]),
  account: z.object({ name: z.string(), host: text }).nullish().catch(null),
});

export const configSchema = z.object({
  serverVersion: z.string(),
  instance: z.object({ name: text }).nullish().catch(null),
});

export const problemSchema = z.object({ title: text, detail: text, error: text, status: z.number().nullish() });

export type PeerTubeAccount = z.infer<typeof accountSchema>;
export type PeerTubeAbuse = z.infer<typeof abuseSchema>;
