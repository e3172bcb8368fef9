/**
 * Zod schemas for the Lemmy 1.0 (API v4) shapes the connector reads, from lemmy-js-client's generated types and
 * LemmyNet/lemmy crates/db_views/report_combined (ReportCombinedView and its four views). 1.0 renamed
 * timestamps to `published_at`/`updated_at` and Person/Community `actor_id` to `ap_id`; early 1.0 alphas still
 * sent the old names, so both are accepted. Each view is transformed into the v3 view type so the one mapper
 * produces the same RemoteReport (and the same "post:12" ids) whichever API the instance is read through.
 */
import { z } from 'zod';
import { numericIdSchema, optionalDate } from '../shared/remote-schemas';
import type { CommentReportView, LemmyPerson, LemmyPost, PmReportView, PostReportView } from './api-types';

const text = z.string().nullish();
const id = numericIdSchema;
/** Either name, each a real date or unknown; a report still needs one of them (refined below). */
const stamps = { published_at: optionalDate, published: optionalDate };

/** published_at (1.0) or published (alphas): one of them must be there. */
function stamp(v: { published_at?: string | null; published?: string | null }): string | null {
  return v.published_at ?? v.published ?? null;
}

export const v4PersonSchema = z
  .object({ id, name: z.string(), display_name: text, avatar: text, ap_id: text, actor_id: text, local: z.boolean().nullish(), ...stamps })
  .transform((p): LemmyPerson => ({
    id: p.id, name: p.name, display_name: p.display_name, avatar: p.avatar, actor_id: p.ap_id ?? p.actor_id, local: p.local, published: stamp(p),
  }));

const v4ReportBase = z
  .object({ id, reason: z.string(), resolved: z.boolean(), ...stamps, updated_at: optionalDate, updated: optionalDate })
  .refine((r) => stamp(r) !== null, { message: 'missing or not a date', path: ['published_at'] })
  .transform((r) => ({ id: r.id, reason: r.reason, resolved: r.resolved, published: stamp(r) as string, updated: r.updated_at ?? r.updated ?? null }));

const v4PostSchema = z
  .object({ id, name: z.string(), body: text, url: text, thumbnail_url: text, ap_id: text, nsfw: z.boolean().nullish(), ...stamps })
  .transform((p): LemmyPost => ({
    id: p.id, name: p.name, body: p.body, url: p.url, thumbnail_url: p.thumbnail_url, ap_id: p.ap_id, nsfw: p.nsfw, published: stamp(p),
  }));

const v4TextItem = z
  .object({ id, content: z.string(), ap_id: text, ...stamps })
  .transform((c) => ({ id: c.id, content: c.content, ap_id: c.ap_id, published: stamp(c) }));

const reporter = v4PersonSchema.nullish().catch(null);
/**
 * `creator_banned` describes the reported item's creator (the `creator_*` flags of the 1.0 views are computed
 * on the item creator, while the `creator` object is the reporter): it becomes the target's `banned`. **verify**
 */
const targetBanned = z.boolean().nullish();
const withBan = (p: LemmyPerson, banned: boolean | null | undefined): LemmyPerson => (banned == null ? p : { ...p, banned });

export const v4PostReportViewSchema = z
  .object({ post_report: v4ReportBase, post: v4PostSchema, creator: reporter, post_creator: v4PersonSchema, creator_banned: targetBanned })
  .transform((v): PostReportView => ({
    post_report: v.post_report, post: v.post, creator: v.creator ?? null, post_creator: withBan(v.post_creator, v.creator_banned),
  }));

export const v4CommentReportViewSchema = z
  .object({ comment_report: v4ReportBase, comment: v4TextItem, creator: reporter, comment_creator: v4PersonSchema, creator_banned: targetBanned })
  .transform((v): CommentReportView => ({
    comment_report: v.comment_report, comment: v.comment, creator: v.creator ?? null, comment_creator: withBan(v.comment_creator, v.creator_banned),
  }));

export const v4PmReportViewSchema = z
  .object({
    private_message_report: v4ReportBase, private_message: v4TextItem, creator: reporter, private_message_creator: v4PersonSchema,
    creator_banned: targetBanned,
  })
  .transform((v): PmReportView => ({
    private_message_report: v.private_message_report, private_message: v.private_message, creator: v.creator ?? null,
    private_message_creator: withBan(v.private_message_creator, v.creator_banned),
  }));

/** PagedResponse<T>: items parsed one by one by the caller; next_page is Lemmy's opaque cursor. */
export const pagedSchema = z.object({ items: z.array(z.unknown()), next_page: z.string().min(1).nullish(), prev_page: z.string().nullish() });

/** GET /api/v4/site. The JWT's own user moved to GET /api/v4/account in 1.0. */
export const v4SiteSchema = z.object({
  site_view: z.object({ site: z.object({ name: z.string(), ap_id: text, actor_id: text }) }),
  version: z.string(),
});

/** GET /api/v4/account (MyUserInfo): `admin` is on local_user, as in 0.19. **verify** */
export const v4MyUserSchema = z.object({
  local_user_view: z.object({ person: v4PersonSchema, local_user: z.object({ admin: z.boolean().nullish() }) }),
});
