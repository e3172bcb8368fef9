/**
 * The outbox's look before re-sending a purge step whose earlier attempt may have reached the server (a worker
 * died mid-call, or the server answered 5xx). Purge actions have no report to read, so this asks the server
 * itself: is the account suspended / gone, does the copy lookup still list the post or file. 'not_applied' means
 * "send it"; 'unknown' hands the step to a human (the receipts will still say what is served).
 */
import type { RemoteCheck } from '@/lib/actions/delivery-class';
import type { Connector, FoundCopy } from '@/lib/connectors/types';
import { loadCopyQuery } from '@/lib/cases/load-copy-query';
import { checkDomainBlock } from '@/lib/actions/check-domain-block';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';

const log = logger('purge');

export interface PurgeActionRef {
  kind: string;
  payload: unknown;
  caseId: string | null;
  instanceId: string;
}

export async function checkEarlierPurgeStep(connector: Connector, action: PurgeActionRef): Promise<RemoteCheck> {
  const p = isRecord(action.payload) ? action.payload : {};
  try {
    switch (action.kind) {
      case 'domain.block':
        return await checkDomainBlock(connector, p.domain);
      case 'media.purge':
        return 'not_applied'; // idempotent: purging a cache twice leaves it as once
      case 'account.action': {
        if (!connector.getAccount || typeof p.accountId !== 'string') return 'unknown';
        const a = await connector.getAccount(p.accountId);
        if (a === null) return 'applied'; // gone is at least suspended
        return a.suspended === undefined ? 'unknown' : a.suspended ? 'applied' : 'not_applied';
      }
      case 'account.delete': {
        if (!connector.getAccount || typeof p.accountId !== 'string') return 'unknown';
        const a = await connector.getAccount(p.accountId);
        if (a === null) return 'applied';
        if (a.suspended !== true) return 'not_applied';
        // Suspended but still there: deleted only if its copies are gone (Mastodon keeps a suspended stub).
        return await lookupSays(connector, action, (c) => c.account?.remoteId === p.accountId);
      }
      case 'status.delete':
      case 'status.purge':
      case 'status.block':
        if (typeof p.statusId !== 'string') return 'unknown';
        return await lookupSays(connector, action, (c) => c.postId === p.statusId);
      case 'media.delete':
        if (typeof p.mediaId !== 'string') return 'unknown';
        return await lookupSays(connector, action, (c) => c.mediaId === p.mediaId);
      default:
        return 'unknown';
    }
  } catch (e) {
    log.warn('could not check an earlier purge attempt', { kind: action.kind, error: e instanceof Error ? e.message : String(e) });
    return 'unknown';
  }
}

/** The copy lookup again: still listed → not applied (send it); no longer listed → applied. */
async function lookupSays(connector: Connector, action: PurgeActionRef, match: (c: FoundCopy) => boolean): Promise<RemoteCheck> {
  if (!connector.findCopies || !action.caseId) return 'unknown';
  const r = await connector.findCopies(await loadCopyQuery(action.caseId));
  if (r.status !== 'checked') return 'unknown';
  return r.copies.some(match) ? 'not_applied' : 'applied';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const ALREADY_GONE = 'already gone on the server';

/** A removal answered "not found": the copy is gone either way (the receipts check it), so the step is done. */
export function alreadyGone(kind: string, e: unknown): boolean {
  if (kind === 'domain.block' || kind === 'media.purge') return false;
  return isAppError(e) && (e.code === 'not_found' || Number(e.details?.status ?? 0) === 404);
}
