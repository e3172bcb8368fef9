/**
 * Signs what a person's hand sends to a server (report notes, resolve and reject comments, reports opened
 * elsewhere): the team chooses the person's pseudonym or the team's name, never the real name, which would invite
 * harassment of the moderator. System actions carry only the team's name. Texts addressed to the reported user
 * (account.action) are not signed: the server speaks there.
 */
import type { Actor } from '@/lib/audit/actor';
import { db, type Tx } from '@/lib/db';
import { getIdentitySettings } from './identity-settings';
import { appendSignature, formatSignature, type Signer } from './signature';

export { appendSignature, formatSignature, type Signer };

export async function signerFor(actor: Actor, client: { user: Tx['user'] } = db): Promise<Signer> {
  const identity = await getIdentitySettings();
  if (actor.type !== 'user') return { mode: 'team', pseudonym: null, teamName: identity.teamName };
  const user = await client.user.findUnique({ where: { id: actor.id }, select: { pseudonym: true } });
  return { mode: identity.signOutbound, pseudonym: user?.pseudonym ?? null, teamName: identity.teamName };
}

export async function signatureFor(actor: Actor): Promise<string> {
  return formatSignature(await signerFor(actor));
}

export async function signText(text: string, actor: Actor, limit: number): Promise<string> {
  return appendSignature(text, await signatureFor(actor), limit);
}
