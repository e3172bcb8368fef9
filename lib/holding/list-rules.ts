/** CONTRACT STUB (issue 14, holding-core implements): every rule with its stats, by name. Moderators and up. */
import type { Ctx } from '@/lib/audit/actor';
import type { RuleView } from './types';

export async function listRules({ ctx }: { ctx: Ctx }): Promise<RuleView[]> {
  void ctx;
  return [];
}
