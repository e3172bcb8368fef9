/**
 * report.create on PeerTube: POST /api/v1/abuses {reason, video | comment | account} as the connected account.
 * PeerTube itself sends an abuse on a remote account's video, comment or account to that account's instance (an
 * ActivityPub Flag, lib/activitypub/send/send-flag.ts), so there is no separate forward to ask for.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { ActionResult } from '../types';
import type { PeerTubeClient } from './client';
import { parseContentId } from './content-id';
import { parseRemote } from './parse';

/** CONSTRAINTS_FIELDS.ABUSES.REASON in PeerTube's initializers/constants.ts (isAbuseReasonValid). */
export const ABUSE_REASON = { min: 2, max: 3000 } as const;

const created = z.object({ abuse: z.object({ id: z.number().int().positive() }) });
const account = z.object({ id: z.number().int().positive() });

export interface CreateReportInput {
  accountId: string;
  statusIds: string[];
  comment: string;
}

export async function createPeerTubeReport(client: PeerTubeClient, input: CreateReportInput): Promise<ActionResult> {
  const reason = checkReason(input.comment);
  // One subject per abuse: given a video and an account, PeerTube files only the video one, so only one is sent.
  const subject = await abuseSubject(client, input);
  const data = await client.request('POST', '/api/v1/abuses', { json: { reason, ...subject } });
  return { ok: true, remoteRef: String(parseRemote(created, data, 'created abuse').abuse.id) };
}

async function abuseSubject(client: PeerTubeClient, input: CreateReportInput): Promise<Record<string, { id: number | string }>> {
  const ids = [...new Set(input.statusIds)];
  if (ids.length > 1) {
    throw new AppError('bad_request', 'PeerTube report.create takes one video or comment', { userMessage: 'PeerTube reports one video or comment at a time.' });
  }
  if (ids.length === 1) {
    const content = parseContentId(ids[0]);
    if (content.kind === 'comment') return { comment: { id: Number(content.commentId) } };
    // video.id takes the numeric id or the UUID (isIdOrUUIDValid); the mapper's ids are numeric.
    return { video: { id: /^\d+$/.test(content.videoId) ? Number(content.videoId) : content.videoId } };
  }
  return { account: { id: await accountIdOf(client, input.accountId) } };
}

/**
 * The dashboard knows accounts by handle (mapper.ts); an account abuse needs the numeric id. GET /accounts/{handle}
 * reads PeerTube's own table only (accountNameWithHostGetValidator), so it never makes the instance fetch.
 */
async function accountIdOf(client: PeerTubeClient, handle: string): Promise<number> {
  if (!/^[A-Za-z0-9_.-]{1,64}(@[A-Za-z0-9.:-]{1,253})?$/.test(handle)) {
    throw new AppError('bad_request', 'PeerTube report.create needs an account handle', {
      userMessage: 'PeerTube addresses accounts by name: use the account handle (name@host).',
    });
  }
  const data = await client.request('GET', `/api/v1/accounts/${encodeURIComponent(handle)}`);
  return parseRemote(account, data, 'account').id;
}

function checkReason(comment: string): string {
  const reason = comment.trim();
  const length = [...reason].length;
  if (length < ABUSE_REASON.min || length > ABUSE_REASON.max) {
    throw new AppError('bad_request', `PeerTube abuse reason is ${length} characters`, {
      userMessage: `PeerTube takes a report reason of ${ABUSE_REASON.min} to ${ABUSE_REASON.max} characters; this one has ${length}.`,
    });
  }
  return reason;
}
