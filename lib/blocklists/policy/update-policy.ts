/** Owners and admins set the threshold, the severity rule and auto-retraction; audited with before and after. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { parseOr } from '@/lib/blocklists/sources/source-fields';
import type { MergePolicy } from '@/lib/blocklists/types';
import { POLICY_KEY, storedPolicy, updatePolicyInput } from './policy-schema';

export async function updatePolicy({ ctx, input }: { ctx: Ctx; input: Partial<MergePolicy> }): Promise<MergePolicy> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'blocklist.policy.update');
  const change = parseOr(updatePolicyInput, input, 'policy');
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: POLICY_KEY } });
    const before = storedPolicy.parse(row?.value ?? {});
    const after: MergePolicy = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    await tx.setting.upsert({ where: { key: POLICY_KEY }, create: { key: POLICY_KEY, value: { ...after } }, update: { value: { ...after } } });
    await recordEvent(tx, { actor: ctx.actor, action: 'blocklist.policy.updated', targetType: 'blocklist_policy', targetId: null, details: { from: before, to: after } });
    return after;
  });
}
