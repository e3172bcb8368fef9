/**
 * Zod schemas for the Lemmy 0.19 (v3) responses the connector reads (instance-apis.md §3). Unknown fields are
 * ignored; optional ones are nullish because Lemmy omits None fields in some versions and sends null in others.
 */
import { z } from 'zod';
import { numericIdSchema, optionalDate, requiredDate } from '../shared/remote-schemas';

const text = z.string().nullish();
/** Bounded like the typed ids ("post:12", at most 12 digits), so every report the list accepts can be refreshed. */
const id = numericIdSchema;

export const personSchema = z.object({
  id, name: z.string(), display_name: text, avatar: text, actor_id: text, local: z.boolean().nullish(),
  banned: z.boolean().nullish(), published: optionalDate,
});

const reportBase = z.object({ id, reason: z.string(), resolved: z.boolean(), published: requiredDate, updated: optionalDate });

export const postSchema = z.object({
  id, name: z.string(), body: text, url: text, thumbnail_url: text, ap_id: text, published: optionalDate, nsfw: z.boolean().nullish(),
});

export const postReportViewSchema = z.object({
  post_report: reportBase, post: postSchema, creator: personSchema.nullish().catch(null), post_creator: personSchema,
});

export const commentReportViewSchema = z.object({
  comment_report: reportBase,
  comment: z.object({ id, content: z.string(), ap_id: text, published: optionalDate }),
  creator: personSchema.nullish().catch(null),
  comment_creator: personSchema,
});

export const pmReportViewSchema = z.object({
  private_message_report: reportBase,
  private_message: z.object({ id, content: z.string(), ap_id: text, published: optionalDate }),
  creator: personSchema.nullish().catch(null),
  private_message_creator: personSchema,
});

/** List envelopes; items are parsed one at a time so one broken report does not sink the page. */
export const listEnvelopes = {
  post: z.object({ post_reports: z.array(z.unknown()) }).transform((d) => d.post_reports),
  comment: z.object({ comment_reports: z.array(z.unknown()) }).transform((d) => d.comment_reports),
  pm: z.object({ private_message_reports: z.array(z.unknown()) }).transform((d) => d.private_message_reports),
};

export const loginSchema = z.object({ jwt: z.string().min(1) });

export const credentialsSchema = z.object({
  username_or_email: z.string().min(1), password: z.string().min(1), totp_2fa_token: z.string().optional(),
});

export const siteSchema = z.object({
  site_view: z.object({ site: z.object({ name: z.string(), actor_id: text }) }),
  version: z.string(),
  my_user: z
    .object({ local_user_view: z.object({ person: personSchema, local_user: z.object({ admin: z.boolean().nullish() }) }) })
    .nullish(),
});

/** `federated_instances` is null when federation is off: then the blocklist cannot be read safely. */
export const federatedInstancesSchema = z.object({
  federated_instances: z.object({ blocked: z.array(z.object({ domain: z.string() })) }),
});

/** v3: {error, message?}; v4 adds `cause` (the server's inner error chain), which is never shown to moderators. */
export const errorBodySchema = z.object({ error: z.string(), message: z.string().nullish(), cause: z.unknown().optional() });

export type LemmyPerson = z.infer<typeof personSchema>;
export type LemmyPost = z.infer<typeof postSchema>;
export type PostReportView = z.infer<typeof postReportViewSchema>;
export type CommentReportView = z.infer<typeof commentReportViewSchema>;
export type PmReportView = z.infer<typeof pmReportViewSchema>;
export type LemmyCredentials = z.infer<typeof credentialsSchema>;
