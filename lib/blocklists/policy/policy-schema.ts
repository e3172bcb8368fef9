/** The merge policy as stored in Setting 'blocklists.policy'; each field falls back on its own default when bad. */
import { z } from 'zod';
import { DEFAULT_POLICY } from '@/lib/blocklists/types';

export const POLICY_KEY = 'blocklists.policy';

export const threshold = z.number({ message: 'The threshold must be a number.' }).int('The threshold must be a whole number.')
  .min(1, 'The threshold is at least 1.').max(20, 'The threshold is at most 20.');
export const severityMode = z.enum(['max', 'agreed'], { message: "Severity must be 'max' or 'agreed'." });

export const storedPolicy = z.object({
  threshold: threshold.catch(DEFAULT_POLICY.threshold),
  severity: severityMode.catch(DEFAULT_POLICY.severity),
  autoRetract: z.boolean().catch(DEFAULT_POLICY.autoRetract),
}).catch({ ...DEFAULT_POLICY });

export const updatePolicyInput = z.strictObject({
  threshold: threshold.optional(),
  severity: severityMode.optional(),
  autoRetract: z.boolean({ message: 'autoRetract must be true or false.' }).optional(),
});
