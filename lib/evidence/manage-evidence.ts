/** Shared by the admin verbs on one seal: admins only, the seal visible, the case row locked before the audit write. */
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { loadVisibleEvidence } from './load-evidence';

export async function loadForManage(ctx: Ctx, evidenceId: string) {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'forbidden: evidence.manage', { userMessage: 'Only admins can change retention or legal holds.' });
  return loadVisibleEvidence(ctx.actor, evidenceId);
}
