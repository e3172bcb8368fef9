import { db } from '@/lib/db';

/** True once anyone has an account: first-run pages and the setup token depend on it. */
export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) !== null;
}
