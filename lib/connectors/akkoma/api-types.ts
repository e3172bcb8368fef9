/**
 * Zod schemas for the Pleroma/Akkoma admin responses the connector reads (instance-apis.md §5). Statuses and
 * the public part of accounts are Mastodon-compatible, so Mastodon's schemas are reused; Akkoma adds the admin
 * fields (nickname, tags, is_active) that the report view merges into each account.
 */
import { z } from 'zod';
import { accountSchema, idSchema, statusSchema } from '../mastodon/api-types';
import { optionalDate, requiredDate, SAFE_ID } from '../shared/remote-schemas';

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

/**
 * One report note, as ReportView "show_note.json" renders it: an integer id, the content as written (plain
 * text), the author as the merged account view ({} when Akkoma cannot find the user) and created_at.
 * Only the id and the text are needed; a broken author or date degrades to unknown instead of failing.
 */
export const reportNoteSchema = z.object({
  id: idSchema,
  content: z.string(),
  user: z.object({ nickname: text, acct: text }).nullish().catch(null),
  created_at: optionalDate,
});

/**
 * Notes are read-only context beside the report, so they are parsed one by one: a malformed note is dropped
 * and the other notes and the report itself still land. Failing the report instead would hide a report a
 * moderator has to act on because of a note about it.
 */
const reportNotesSchema = z
  .array(z.unknown())
  .nullish()
  .catch(null)
  .transform((items) =>
    (items ?? []).flatMap((raw) => {
      const parsed = reportNoteSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    }),
  );

export const akkomaReportSchema = z.object({
  id: idSchema,
  state: z.string(),
  account: akkomaAccountSchema, // the reported account: without it the report is useless
  actor: akkomaAccountSchema.nullish().catch(null),
  content: text,
  created_at: requiredDate,
  statuses: z.array(statusSchema).nullish(),
  notes: reportNotesSchema,
});

/** The list envelope; items are parsed one by one so one broken report does not sink the page. */
export const reportListSchema = z.object({
  // A total that is not a count is unknown: paging then ends on a short page instead of failing the sync.
  total: z.unknown().optional().transform((t) => (typeof t === 'number' && Number.isSafeInteger(t) && t >= 0 ? t : null)),
  reports: z.array(z.unknown()),
});

/** GET /admin/users (AdminAPI.AccountView index): only what a copy lookup needs; items are parsed one by one. */
export const adminUserListSchema = z.object({ users: z.array(z.unknown()) });
export const adminUserSchema = z.object({ id: z.string().regex(SAFE_ID, 'not an id'), nickname: z.string() });

/** GET /admin/users/:id/statuses: {total, activities} since Pleroma 2.1; a bare list before. Statuses parsed one by one. */
export const adminUserStatusesSchema = z.union([
  z.object({ activities: z.array(z.unknown()) }).transform((r) => r.activities),
  z.array(z.unknown()),
]);

export const credentialSchema = accountSchema.extend({
  is_admin: flag,
  pleroma: z.object({ is_admin: flag, is_moderator: flag }).nullish().catch(null),
});

/** DELETE /users answers with the nicknames it was given. */
export const deletedNicknamesSchema = z.array(z.string());

export const instanceSchema = z.object({ uri: text, title: z.string(), version: text });

export type AkkomaAccount = z.infer<typeof akkomaAccountSchema>;
export type AkkomaReport = z.infer<typeof akkomaReportSchema>;
export type AkkomaReportNote = z.infer<typeof reportNoteSchema>;
export type AkkomaCredential = z.infer<typeof credentialSchema>;
