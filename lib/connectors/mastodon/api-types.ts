/**
 * Zod schemas for the Mastodon responses the connector reads. Deliberately lenient, because remote servers
 * differ by version and fork: unknown fields are dropped, fields Mastodon may omit or null are nullish, and
 * unknown enum values fall back instead of failing. What the mapper cannot do without (ids, the report's
 * target account) stays required, so a broken item is skipped with a clear error rather than half-imported.
 */
import { z } from 'zod';
import { optionalDate, remoteIdSchema, requiredDate } from '../shared/remote-schemas';

/**
 * Mastodon ids are strings; some forks send numbers. The shared rule (safeId's) applies, so any report the list
 * accepts can be refreshed by id; objects, empty strings and ids with odd characters are rejected.
 */
export const idSchema = remoteIdSchema;
const text = z.string().nullish();
const date = optionalDate;
const flag = z.boolean().nullish();

export const MEDIA_TYPES = ['image', 'gifv', 'video', 'audio', 'unknown'] as const;

export const mediaAttachmentSchema = z.object({
  id: idSchema,
  type: z.enum(MEDIA_TYPES).catch('unknown'),
  url: text,
  preview_url: text,
  remote_url: text,
  description: text,
  meta: z.record(z.string(), z.unknown()).nullish().catch(null),
});

/** The public account nested in admin entities: its id is never used in a request, so any scalar id is read. */
const nestedId = z.union([z.string().min(1).max(200), z.number()]).transform(String);

export const accountSchema = z.object({
  id: nestedId,
  username: z.string(),
  acct: z.string(),
  display_name: text,
  url: text,
  uri: text,
  avatar: text,
  created_at: date,
});

export const statusSchema = z.object({
  id: idSchema,
  url: text,
  uri: text,
  content: text,
  spoiler_text: text,
  sensitive: flag,
  visibility: text,
  created_at: date,
  account: accountSchema.nullish(),
  media_attachments: z.array(mediaAttachmentSchema).nullish(),
});

export const adminAccountSchema = z.object({
  id: idSchema,
  username: z.string(),
  domain: text,
  email: text,
  created_at: date,
  suspended: flag,
  silenced: flag,
  sensitized: flag,
  disabled: flag,
  account: accountSchema.nullish(),
});

export const ruleSchema = z.object({ id: idSchema, text: z.string(), hint: text });

export const adminReportSchema = z.object({
  id: idSchema,
  action_taken: z.boolean(),
  action_taken_at: date,
  category: text,
  comment: text,
  forwarded: flag,
  created_at: requiredDate,
  updated_at: date,
  account: adminAccountSchema.nullish(),
  target_account: adminAccountSchema,
  assigned_account: adminAccountSchema.nullish(),
  action_taken_by_account: adminAccountSchema.nullish(),
  statuses: z.array(statusSchema).nullish(),
  rules: z.array(ruleSchema).nullish(),
});

export const DOMAIN_BLOCK_SEVERITIES = ['silence', 'suspend', 'noop'] as const;

export const adminDomainBlockSchema = z.object({
  id: idSchema,
  domain: z.string(),
  severity: z.enum(DOMAIN_BLOCK_SEVERITIES).catch('silence'),
  reject_media: flag,
  reject_reports: flag,
  obfuscate: flag,
  private_comment: text,
  public_comment: text,
  created_at: text,
});

export const roleSchema = z.object({
  id: idSchema.nullish(),
  name: z.string(),
  // A bitmask, serialized as a string by Mastodon (UserRole#computed_permissions).
  permissions: z.union([z.string(), z.number()]).nullish(),
});

export const credentialAccountSchema = accountSchema.extend({ role: roleSchema.nullish().catch(null) });

/** v1 calls the domain `uri`; v2 calls it `domain`. Both are accepted so either endpoint parses. */
export const instanceSchema = z.object({
  uri: text,
  domain: text,
  title: z.string(),
  version: text,
});

export const errorBodySchema = z.object({ error: z.string(), error_description: text });

export type MastodonMediaAttachment = z.infer<typeof mediaAttachmentSchema>;
export type MastodonAccount = z.infer<typeof accountSchema>;
export type MastodonStatus = z.infer<typeof statusSchema>;
export type MastodonAdminAccount = z.infer<typeof adminAccountSchema>;
export type MastodonRule = z.infer<typeof ruleSchema>;
export type MastodonAdminReport = z.infer<typeof adminReportSchema>;
export type MastodonAdminDomainBlock = z.infer<typeof adminDomainBlockSchema>;
export type MastodonCredentialAccount = z.infer<typeof credentialAccountSchema>;
export type MastodonInstance = z.infer<typeof instanceSchema>;
