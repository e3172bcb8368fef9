/** The signed-in person's own pseudonym, for their settings page. */
import { db } from '@/lib/db';

export async function getOwnPseudonym(userId: string): Promise<string> {
  return (await db.user.findUnique({ where: { id: userId }, select: { pseudonym: true } }))?.pseudonym ?? '';
}
