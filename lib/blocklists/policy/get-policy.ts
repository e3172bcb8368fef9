/** The team's merge policy; a missing or damaged setting reads as the default, never as an error. */
import { db } from '@/lib/db';
import type { MergePolicy } from '@/lib/blocklists/types';
import { POLICY_KEY, storedPolicy } from './policy-schema';

export async function getPolicy(): Promise<MergePolicy> {
  const row = await db.setting.findUnique({ where: { key: POLICY_KEY } });
  return storedPolicy.parse(row?.value ?? {});
}
