/**
 * Zod schemas for the GoToSocial responses the connector reads. GoToSocial's client API is Mastodon-shaped,
 * so the Mastodon schemas are reused (they already accept string ids such as GoToSocial's ULIDs and drop
 * unknown fields); only what GoToSocial adds or answers differently is declared here.
 */
import { z } from 'zod';
import { adminReportSchema, idSchema, instanceSchema } from '../mastodon/api-types';

export {
  accountSchema, adminAccountSchema, credentialAccountSchema, errorBodySchema, statusSchema,
} from '../mastodon/api-types';

const text = z.string().nullish();

/** GoToSocial keeps the moderator's resolution note on the report (Mastodon has no such field). */
export const gtsAdminReportSchema = adminReportSchema.extend({ action_taken_comment: text });

/** A GoToSocial domain block is always a full block: no severity, no reject_media. */
export const gtsDomainBlockSchema = z.object({
  id: idSchema,
  domain: z.string(),
  obfuscate: z.boolean().nullish(),
  public_comment: text,
  private_comment: text,
  created_at: text,
});

/** `version` is "0.20.0" or "0.20.0 abcdef1" (semver, then an optional git commit); source_url names the code. */
export const gtsInstanceSchema = instanceSchema.extend({ source_url: text });

/** /api/v2/search: only `statuses` is read, and each status is parsed on its own (copy-match.ts). */
export const gtsSearchSchema = z.object({ statuses: z.array(z.unknown()).max(1000).nullish() });

export type GtsAdminReport = z.infer<typeof gtsAdminReportSchema>;
export type GtsInstance = z.infer<typeof gtsInstanceSchema>;
