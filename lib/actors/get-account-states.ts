/** The account's state on every instance the actor can see: the report page's "on other instances" card. */
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { accountState } from './account-state';
import { domainBlocks } from './domain-blocks';
import { findAccounts, type FoundAccount } from './find-accounts';
import { parseHandle } from './handle';
import type { InstanceAccountState } from './types';
import { visibleInstances, type VisibleInstance } from './visible-instances';

export interface LoadedStates {
  handle: string;
  username: string;
  domain: string;
  states: InstanceAccountState[];
  accounts: FoundAccount[];
  instances: VisibleInstance[];
}

export async function loadAccountStates(ctx: Ctx, rawHandle: string): Promise<LoadedStates> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'account states need a staff actor');
  const { username, domain, handle } = parseHandle(rawHandle);
  const instances = await visibleInstances(ctx.actor);
  const ids = instances.map((i) => i.id);
  const [accounts, blocks] = await Promise.all([findAccounts(username, domain, ids), domainBlocks(domain, ids)]);
  // Two rows on one instance (a re-created account) are rare; the most recently synced one speaks for it.
  const byInstance = new Map<string, FoundAccount>();
  for (const a of accounts) if (!byInstance.has(a.instanceId)) byInstance.set(a.instanceId, a);
  const states = instances.map((i): InstanceAccountState => {
    const a = byInstance.get(i.id) ?? null;
    const blocked = blocks.has(i.id);
    return {
      instance: { id: i.id, name: i.name, kind: i.kind, domain: i.domain },
      state: accountState(a, blocked),
      accountId: a?.id ?? null,
      remoteId: a?.remoteId ?? null,
      seenAt: a ? a.updatedAt.toISOString() : null,
      domainBlocked: blocked,
    };
  });
  return { handle, username, domain, states, accounts, instances };
}

export async function getAccountStates({ ctx, input }: { ctx: Ctx; input: { handle: string } }): Promise<{ handle: string; states: InstanceAccountState[] }> {
  const { handle, states } = await loadAccountStates(ctx, input.handle);
  return { handle, states };
}
