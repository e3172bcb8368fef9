/**
 * Signs the person-written text of an action before it is stored, so the outbox sends exactly what the Action row
 * holds (and the audit shows it). Only text for the server's moderators is signed; account.action texts reach the
 * reported user and stay unsigned, and an empty comment stays empty.
 */
import type { Actor } from '@/lib/audit/actor';
import type { ConnectorAction } from '@/lib/connectors/types';
import { signText } from '@/lib/team/sign-outbound';

/** Servers take long notes; this keeps a signed note within what the action input itself allows. */
export const SIGNED_TEXT_LIMIT = 5000;

export async function signPayload(payload: ConnectorAction, actor: Actor): Promise<ConnectorAction> {
  switch (payload.kind) {
    case 'report.note':
      return { ...payload, text: await signText(payload.text, actor, SIGNED_TEXT_LIMIT) };
    case 'report.resolve':
    case 'report.reject':
      return payload.comment?.trim() ? { ...payload, comment: await signText(payload.comment, actor, SIGNED_TEXT_LIMIT) } : payload;
    default:
      return payload;
  }
}
