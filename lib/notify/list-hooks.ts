/** CONTRACT STUB (issue 14, notifications implements): every notification hook, never its secret. Admins. */
import type { Ctx } from '@/lib/audit/actor';
import type { NotifyHookView } from './types';

export async function listHooks({ ctx }: { ctx: Ctx }): Promise<NotifyHookView[]> {
  void ctx;
  return [];
}
