/**
 * Zod schemas for the Pleroma/Akkoma admin responses the connector reads (instance-apis.md §5). Statuses and
 * the public part of accounts are Mastodon-compatible, so Mastodon's schemas are reused; Akkoma adds the admin
 * fields (nickname, tags, is_active) that the report view merges into each account.
 */
import { z } from 'zod';
import { accountSchema, idSchema, statusSchema } from '../mastodon/api-types';

export { statusSchema };

const text = z.string().nullish();
const flag = z.boolean().nullish();

export const akkomaAccountSchema = accountSchema.extend({
  nickname: text,
  local: flag,
  // Older Pleroma sends `deactivated`; Akkoma and Pleroma ≥2.3 send `is_active`.
  is_active: flag,
  deactivated: flag,
  tags: z.array(z.string()).nullish().catch(null),
});

export const reportNoteSchema = z.object({ id: idSchema, content: text, created_at: text });

export const akkomaReportSchema = z.object({
  id: idSchema,
  state: z.string(),
  account: akkomaAccountSchema, // the reported account: without it the report is useless
  actor: akkomaAccountSchema.nullish().catch(null),
  content: text,
  created_at: z.string(),
  statuses: z.array(statusSchema).nullish(),
  notes: z.array(reportNoteSchema).nullish().catch(null),
});

/** The list envelope; items are parsed one by one so one broken report does not sink the page. */
export const reportListSchema = z.object({
  total: z.number().int().nonnegative().nullish(),
  reports: z.array(z.unknown()),
});

export const credentialSchema = accountSchema.extend({
  is_admin: flag,
  pleroma: z.object({ is_admin: flag, is_moderator: flag }).nullish().catch(null),
});

export const instanceSchema = z.object({ uri: text, title: z.string(), version: text });

export type AkkomaAccount = z.infer<typeof akkomaAccountSchema>;
export type AkkomaReport = z.infer<typeof akkomaReportSchema>;
export type AkkomaCredential = z.infer<typeof credentialSchema>;
