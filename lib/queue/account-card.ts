import type { Prisma } from '@/lib/generated/prisma/client';
import type { AccountCard } from './detail-types';
import { safeHttpUrl } from './safe-url';

export const accountSelect = {
  id: true, acct: true, displayName: true, domain: true, url: true,
  suspended: true, silenced: true, sensitized: true, disabled: true,
} satisfies Prisma.AccountSelect;

export function toAccountCard(a: Prisma.AccountGetPayload<{ select: typeof accountSelect }>): AccountCard {
  return { ...a, url: safeHttpUrl(a.url) };
}
