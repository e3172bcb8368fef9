/** The zod shapes of MatcherInput (routes and CLI): a full one to create, a partial one to change. */
import { z } from 'zod';
import { MATCHER_KINDS } from './types';

export const matcherFields = {
  name: z.string().trim().min(1, 'Give the matcher a name.').max(60),
  kind: z.enum(MATCHER_KINDS),
  baseUrl: z.string().trim().max(500).url('Enter the service\'s full URL (https://…).').refine((u) => /^https?:\/\//i.test(u), 'Use an http(s) URL.'),
  key: z.string().max(2000).optional(),
  allowPrivate: z.boolean().optional(),
  enabled: z.boolean(),
  instanceIds: z.array(z.string().uuid()).max(500),
  signalTypes: z.array(z.enum(['pdq', 'md5'])).min(1, 'Choose at least one hash type.').max(2),
  severity: z.number().int().min(1).max(5),
  label: z.string().trim().min(1).max(40),
  timeoutMs: z.number().int().min(200).max(30_000),
  perMinute: z.number().int().min(1).max(6_000),
};

export const matcherInputSchema = z.strictObject(matcherFields);
export const matcherPatchSchema = z.strictObject(matcherFields).partial();
export type MatcherPatch = z.infer<typeof matcherPatchSchema>;
