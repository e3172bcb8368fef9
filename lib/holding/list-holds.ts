/**
 * CONTRACT STUB (issue 14, holding-core implements): holds for the rules page. `pending`: waiting for a human
 * (holding, held, not_hidden), oldest due first; `dry_run`: would_hold records, newest first; `recent`: everything,
 * newest first. Only holds on instances the actor can see.
 */
import type { Ctx } from '@/lib/audit/actor';
import type { HoldView } from './types';

export interface ListHoldsInput {
  view: 'pending' | 'dry_run' | 'recent';
  ruleId?: string;
  limit?: number;
}

export async function listHolds({ ctx, input }: { ctx: Ctx; input: ListHoldsInput }): Promise<HoldView[]> {
  void ctx; void input;
  return [];
}
