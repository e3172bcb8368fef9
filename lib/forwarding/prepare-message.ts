/** The message forward's content: the origin's contact (looked up now) and the text, with the sender's details. */
import type { Actor } from '@/lib/audit/actor';
import type { FetchLike } from '@/lib/connectors/types';
import { findOriginContact } from './find-origin-contact';
import { forwardMessage } from './forward-message';
import type { ForwardContext } from './load-forward-context';
import { senderInfo } from './sender-info';

export async function prepareMessage(ctx: ForwardContext, domain: string, fetch?: FetchLike, actor?: Actor): Promise<{ message: string; contact: string | null; contactSource: string | null }> {
  const found = await findOriginContact(domain, fetch);
  const sender = await senderInfo(ctx.case.id, actor);
  const { text } = forwardMessage({ domain, case: ctx.case, ...sender, contact: found.contact });
  return { message: text, contact: found.contact, contactSource: found.source };
}
