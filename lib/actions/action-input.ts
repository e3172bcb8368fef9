/** What a moderator may ask for, parsed at the boundary. Remote ids are filled in from the report, not the client. */
import { z } from 'zod';

const text = z.string().max(5000).optional();

export const actionInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report.assign_to_self') }),
  z.object({ kind: z.literal('report.unassign') }),
  z.object({ kind: z.literal('report.resolve'), comment: text }),
  z.object({ kind: z.literal('report.reopen') }),
  z.object({ kind: z.literal('report.set_category'), category: z.string().min(1).max(40) }),
  z.object({
    kind: z.literal('account.action'),
    type: z.enum(['none', 'sensitive', 'disable', 'silence', 'suspend']),
    text,
    notify: z.boolean().default(true),
    /**
     * Link the action to the report it came from (Mastodon's report_id), which closes that report on the server.
     * A hold (lib/holding) sends false: the report must stay open for the human who confirms or undoes it.
     */
    withReport: z.boolean().default(true),
  }),
  z.object({ kind: z.literal('account.undo'), type: z.enum(['unsensitive', 'enable', 'unsilence', 'unsuspend']) }),
  z.object({
    kind: z.literal('domain.block'),
    domain: z.string().min(1).max(253).regex(/^[a-z0-9.-]+$/i, 'not a domain name').optional(),
    severity: z.enum(['silence', 'suspend', 'noop']).default('silence'),
    rejectMedia: z.boolean().default(false),
    rejectReports: z.boolean().default(false),
    obfuscate: z.boolean().default(false),
    privateComment: text,
    publicComment: text,
  }),
  z.object({ kind: z.literal('report.forward') }),
  // Status ids are ours; the verb checks the status belongs to the report and sends the server's id.
  z.object({ kind: z.literal('status.delete'), statusId: z.uuid(), reason: text }),
  z.object({ kind: z.literal('status.sensitive'), statusId: z.uuid(), sensitive: z.boolean().default(true) }),
  z.object({ kind: z.literal('media.purge'), olderThanDays: z.number().int().min(0).max(3650).optional() }),
  z.object({ kind: z.literal('report.reject'), comment: text }),
  z.object({ kind: z.literal('report.note'), text: z.string().trim().min(1, 'write the note first').max(3000) }),
  // The moderator types the account's handle to confirm: a permanent deletion must never be one stray click.
  z.object({ kind: z.literal('account.delete'), confirm: z.string().max(400), reason: text }),
  z.object({ kind: z.literal('status.purge'), statusId: z.uuid(), reason: text }),
  z.object({ kind: z.literal('status.block'), statusId: z.uuid(), blocked: z.boolean().default(true), reason: text }),
  z.object({ kind: z.literal('status.visibility'), statusId: z.uuid(), visibility: z.enum(['public', 'unlisted', 'private']) }),
  // Media ids are ours too; the verb checks the file belongs to one of the report's posts.
  z.object({ kind: z.literal('media.delete'), mediaId: z.uuid() }),
]);

export type ActionInput = z.infer<typeof actionInput>;
