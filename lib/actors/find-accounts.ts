/**
 * Our Account rows of one remote actor on the instances given (null: all). Usernames compare case-insensitively;
 * a local account has no domain on its own server, so it matches by the instance's domain instead.
 */
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export const ACCOUNT_SELECT = {
  id: true, instanceId: true, remoteId: true, username: true, acct: true, displayName: true, url: true, avatarUrl: true, domain: true,
  suspended: true, silenced: true, sensitized: true, disabled: true, updatedAt: true,
  instance: { select: { id: true, name: true, kind: true, domain: true } },
} as const;

export type FoundAccount = Prisma.AccountGetPayload<{ select: typeof ACCOUNT_SELECT }>;

export function accountsOfDomainWhere(domain: string): Prisma.AccountWhereInput {
  return {
    OR: [
      { domain: { equals: domain, mode: 'insensitive' } },
      { domain: null, instance: { domain: { equals: domain, mode: 'insensitive' } } },
    ],
  };
}

export async function findAccounts(username: string, domain: string, instanceIds: string[] | null): Promise<FoundAccount[]> {
  return db.account.findMany({
    where: {
      username: { equals: username, mode: 'insensitive' },
      ...accountsOfDomainWhere(domain),
      ...(instanceIds === null ? {} : { instanceId: { in: instanceIds } }),
    },
    select: ACCOUNT_SELECT,
    orderBy: { updatedAt: 'desc' },
  });
}
