import type { Prisma } from '@/lib/generated/prisma/client';
import type { AccountCard } from './detail-types';
import { accountHandle } from '@/lib/actors/handle';
import { safeHttpUrl } from './safe-url';

export const accountSelect = {
  id: true, acct: true, username: true, displayName: true, domain: true, url: true,
  suspended: true, silenced: true, sensitized: true, disabled: true, instance: { select: { domain: true } },
} satisfies Prisma.AccountSelect;

export function toAccountCard(a: Prisma.AccountGetPayload<{ select: typeof accountSelect }>): AccountCard {
  const { username, instance, ...rest } = a;
  return { ...rest, url: safeHttpUrl(a.url), handle: accountHandle(username, a.domain, instance.domain) };
}
