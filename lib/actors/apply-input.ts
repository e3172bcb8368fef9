/** What "apply everywhere" accepts, parsed at the boundary; the remote ids are ours to fill in per instance. */
import { z } from 'zod';
import { handleSchema, parseDomain } from './handle';

const text = z.string().trim().max(5000).optional();

export const domainSchema = z.string().max(300).transform((s, ctx) => {
  try { return parseDomain(s); } catch { ctx.addIssue({ code: 'custom', message: 'Give a domain name such as example.social.' }); return z.NEVER; }
});

export const applySubject = z.discriminatedUnion('type', [
  z.object({ type: z.literal('account'), handle: handleSchema }),
  z.object({ type: z.literal('domain'), domain: domainSchema }),
]);

export const applyAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account.action'), type: z.enum(['suspend', 'silence']), text }),
  z.object({
    kind: z.literal('domain.block'),
    severity: z.enum(['silence', 'suspend']),
    rejectMedia: z.boolean().default(false),
    rejectReports: z.boolean().default(false),
    publicComment: text,
    privateComment: text,
  }),
]);

export const applyEverywhereInput = z.object({
  subject: applySubject,
  action: applyAction,
  instanceIds: z.array(z.uuid()).max(200).optional(),
  /** Say what would happen without writing anything (the panel shows this before the confirmation). */
  preview: z.boolean().optional(),
}).strict();

export type ApplySubject = z.infer<typeof applySubject>;
export type ApplyAction = z.infer<typeof applyAction>;
export type ApplyEverywhereInput = z.infer<typeof applyEverywhereInput>;
