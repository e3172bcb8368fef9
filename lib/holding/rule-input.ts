/** A rule as an admin writes it (API, CLI), parsed at the boundary. */
import { z } from 'zod';
import { HOLD_LEVELS, HOLD_TRIGGERS } from './types';

const fields = {
  name: z.string().trim().min(1, 'give the rule a name').max(80),
  trigger: z.enum(HOLD_TRIGGERS),
  mode: z.enum(['live', 'dry_run']),
  enabled: z.boolean(),
  minSeverity: z.number().int().min(1).max(5),
  labels: z.array(z.string().trim().min(1).max(60)).max(20),
  minScore: z.number().min(0).max(1000),
  level: z.enum(HOLD_LEVELS),
  allowSuspend: z.boolean(),
  reviewMinutes: z.number().int().min(5).max(60 * 24 * 14),
  instanceIds: z.array(z.uuid()).max(200),
};

/** A new rule: a new rule is a dry run until someone decides otherwise. */
export const holdRuleInput = z.object({
  ...fields,
  mode: fields.mode.default('dry_run'),
  enabled: fields.enabled.default(true),
  minSeverity: fields.minSeverity.default(4),
  labels: fields.labels.default([]),
  minScore: fields.minScore.default(3),
  level: fields.level.default('sensitive'),
  allowSuspend: fields.allowSuspend.default(false),
  reviewMinutes: fields.reviewMinutes.default(60),
  instanceIds: fields.instanceIds.default([]),
});

/** PATCH: only the fields given change (no defaults here, or a partial change would reset the rest). */
export const holdRulePatch = z.object(fields).partial().strict();

export type HoldRuleParsed = z.infer<typeof holdRuleInput>;
