import type { Ctx } from './actor';
import { assertAllowed, canReadAudit } from '@/lib/auth/policy';
import type { VerifyOutcome } from './chain';
import { verifyAuditChain } from './verify-chain';

/** The page's "Verify chain": the CLI's check behind the audit policy (the CLI calls verifyAuditChain directly). */
export async function verifyAudit({ ctx }: { ctx: Ctx }): Promise<VerifyOutcome> {
  assertAllowed(canReadAudit(ctx.actor), 'audit.verify');
  return verifyAuditChain();
}
