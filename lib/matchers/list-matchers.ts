/** CONTRACT STUB (issue 14, matchers implements): every outside matcher, never its key. Admins. */
import type { Ctx } from '@/lib/audit/actor';
import type { MatcherView } from './types';

export async function listMatchers({ ctx }: { ctx: Ctx }): Promise<MatcherView[]> {
  void ctx;
  return [];
}
