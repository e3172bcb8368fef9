/**
 * Zod schemas for the Misskey responses the connector reads (shapes from misskey-js autogen types).
 * Lenient like the Mastodon ones: unknown fields dropped, optional fields nullish, and only what the mapper
 * cannot do without (ids, the report's target user) is required, so a broken item is skipped, not half-imported.
 */
import { z } from 'zod';
import { optionalDate, requiredDate, SAFE_ID } from '../shared/remote-schemas';

/** Misskey ids (aid, aidx, meid, ulid, objectid) are short alphanumeric strings: the shared rule, strings only. */
export const idSchema = z.string().regex(SAFE_ID, 'not an id');
const text = z.string().nullish();
const flag = z.boolean().nullish();

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  host: text,
  name: text,
  avatarUrl: text,
  url: text,
  uri: text,
  createdAt: optionalDate,
  isSuspended: flag,
  isSilenced: flag,
  isModerator: flag,
  isAdmin: flag,
});

export const driveFileSchema = z.object({
  id: idSchema,
  type: z.string().catch(''), // MIME type
  url: text,
  thumbnailUrl: text,
  comment: text,
  isSensitive: flag,
  properties: z.record(z.string(), z.unknown()).nullish().catch(null),
});

export const noteSchema = z.object({
  id: idSchema,
  createdAt: optionalDate,
  text: text,
  cw: text,
  visibility: text,
  uri: text,
  url: text,
  files: z.array(z.unknown()).nullish(),
});

/** admin/drive/show-file: the raw row, with the origin URL (`uri`) of a remote file and whether it is only linked. */
export const adminDriveFileSchema = driveFileSchema.extend({
  userId: idSchema.nullish().catch(null),
  userHost: text,
  uri: text,
  isLink: flag,
  webpublicUrl: text,
});

export const reportSchema = z.object({
  id: idSchema,
  createdAt: requiredDate,
  comment: text,
  resolved: z.boolean(),
  resolvedAs: text,
  forwarded: flag,
  reporter: userSchema.nullish(),
  targetUser: userSchema,
  assignee: userSchema.nullish(),
  moderationNote: text,
});

export const meSchema = userSchema.extend({ isModerator: flag, isAdmin: flag });

export const metaSchema = z.object({ name: text, version: text, uri: text });

export const errorBodySchema = z.object({
  error: z.object({ message: text, code: text, id: text, kind: text, info: z.unknown().optional() }),
});

export type MisskeyUser = z.infer<typeof userSchema>;
export type MisskeyDriveFile = z.infer<typeof driveFileSchema>;
export type MisskeyAdminDriveFile = z.infer<typeof adminDriveFileSchema>;
export type MisskeyNote = z.infer<typeof noteSchema>;
export type MisskeyReport = z.infer<typeof reportSchema>;
export type MisskeyErrorBody = z.infer<typeof errorBodySchema>['error'];
