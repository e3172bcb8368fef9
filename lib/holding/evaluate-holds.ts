/**
 * CONTRACT STUB (issue 14): the holding-core helper implements this. Runs every enabled rule whose trigger matches
 * the signal against the given queue items; places holds (live through the outbox, dry run as records). Idempotent:
 * one hold per rule per subject. Never throws for one item's failure (logged; the rest are evaluated); callers call
 * it after their own transaction committed and catch anything it throws.
 */
import type { HoldTriggerInput } from './types';

export interface EvaluateOutcome {
  /** Hold ids created by this call (live and dry run). */
  created: string[];
}

export async function evaluateHolds(input: HoldTriggerInput): Promise<EvaluateOutcome> {
  void input;
  return { created: [] };
}
