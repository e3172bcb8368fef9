/**
 * Maps each ConnectorAction to its Lemmy endpoint (instance-apis.md §3), on API v3 (0.19) or v4 (1.0) as the
 * client speaks. Where v4 makes `reason` a required string (admin ban, removals, purges: `reason: String` in
 * 1.0's RemovePost/PurgePost/BanPerson), a default naming the dashboard is sent when the moderator gave none.
 */
import { AppError } from '../../errors';
import type { ActionResult, ConnectorAction } from '../types';
import { federatedInstancesSchema } from './api-types';
import { lemmyCapabilities } from './capabilities';
import { V3, V4, type LemmyClient } from './client';
import { createLemmyReport } from './create-report';
import { parseRemote } from './parse';
import { REPORT_TYPES, parseTypedId } from './report-types';
import { V4_REPORT_TYPES } from './report-types-v4';
import { writableOrNull } from '../shared/report-items';
import { readLemmyBlockList } from './list-domain-blocks';
import { reconcileLemmyDomainBlocks } from './reconcile-domain-blocks';

const DEFAULT_REASON = {
  ban: 'Banned from the moderation dashboard',
  unban: 'Unbanned from the moderation dashboard',
  remove: 'Removed from the moderation dashboard',
  purge: 'Purged from the moderation dashboard',
  block: 'Blocked from the moderation dashboard',
} as const;

export async function performLemmy(client: LemmyClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.resolve':
    case 'report.reopen':
      return resolveReport(client, action.reportId, action.kind === 'report.resolve');
    case 'status.delete':
      return removeStatus(client, action.statusId, action.reason);
    case 'status.purge':
      return purgeStatus(client, action.statusId, action.reason);
    case 'account.action':
      if (action.type !== 'suspend') throw unsupported(`account.action ${action.type}`, 'On Lemmy only suspend (a site ban) is offered.');
      return ban(client, action.accountId, true, action.text);
    case 'account.undo':
      if (action.type !== 'unsuspend') throw unsupported(`account.undo ${action.type}`, 'On Lemmy only unsuspend (lifting a site ban) is offered.');
      return ban(client, action.accountId, false);
    case 'account.delete':
      return purgePerson(client, action.accountId, action.reason);
    case 'report.create':
      return createLemmyReport(client, action);
    case 'domain.block':
      return client.api === 'v4' ? blockInstanceV4(client, action.domain) : blockInstanceV3(client, action.domain);
    case 'domain.blocks_reconcile':
      return reconcileLemmyDomainBlocks(client, action.changes);
    default:
      throw unsupported(action.kind);
  }
}

/** v3 sends the reason only when given (it is optional there); v4 always sends one (required there). */
function reasonFor(client: LemmyClient, given: string | undefined, fallback: string): string | undefined {
  const reason = given?.trim() || undefined;
  return client.api === 'v4' ? reason ?? fallback : reason;
}

async function resolveReport(client: LemmyClient, reportId: string, resolved: boolean): Promise<ActionResult> {
  const { kind, id } = parseTypedId(reportId);
  const spec = client.api === 'v4' ? V4_REPORT_TYPES[kind] : REPORT_TYPES[kind];
  // resolve_reason exists only in an unreleased 1.0 pre-release (instance-apis.md §3), so it is never sent.
  const data = await client.request('PUT', `${client.prefix}/${spec.path}/report/resolve`, { json: { report_id: id, resolved } });
  const view = data && typeof data === 'object' ? (data as Record<string, unknown>)[spec.viewKey] : null;
  const parsed = spec.parse(view);
  // The write landed either way; a fresh report is a bonus, so a view we cannot read is not an error.
  return { ok: true, remoteRef: reportId, report: parsed.ok ? writableOrNull(parsed.report) : null };
}

async function removeStatus(client: LemmyClient, statusId: string, given?: string): Promise<ActionResult> {
  const { kind, id } = parseTypedId(statusId, ['post', 'comment']);
  const reason = reasonFor(client, given, DEFAULT_REASON.remove);
  if (kind === 'post') await client.request('POST', `${client.prefix}/post/remove`, { json: { post_id: id, removed: true, reason } });
  else await client.request('POST', `${client.prefix}/comment/remove`, { json: { comment_id: id, removed: true, reason } });
  return { ok: true, remoteRef: statusId };
}

/** Admin purge of a post or comment: the row, its reports and its pict-rs images are deleted for good. */
async function purgeStatus(client: LemmyClient, statusId: string, given?: string): Promise<ActionResult> {
  if (/^pm:/.test(statusId)) {
    throw new AppError('unsupported', 'Lemmy has no purge for private messages', {
      userMessage: 'Lemmy cannot purge a private message. Ban or purge its author instead.',
    });
  }
  const { kind, id } = parseTypedId(statusId, ['post', 'comment']);
  const reason = reasonFor(client, given, DEFAULT_REASON.purge);
  if (kind === 'post') await client.request('POST', `${client.prefix}/admin/purge/post`, { json: { post_id: id, reason } });
  else await client.request('POST', `${client.prefix}/admin/purge/comment`, { json: { comment_id: id, reason } });
  return { ok: true, remoteRef: statusId };
}

export function personId(accountId: string): number {
  if (!/^\d{1,12}$/.test(accountId)) throw new AppError('bad_request', 'Invalid Lemmy person id', { userMessage: 'Lemmy person ids are numbers.' });
  return Number(accountId);
}

/** Admin purge of a person: profile, posts, comments and uploads wiped for good; the record stays, banned. */
async function purgePerson(client: LemmyClient, accountId: string, given?: string): Promise<ActionResult> {
  const reason = reasonFor(client, given, DEFAULT_REASON.purge);
  await client.request('POST', `${client.prefix}/admin/purge/person`, { json: { person_id: personId(accountId), reason } });
  return { ok: true, remoteRef: accountId };
}

async function ban(client: LemmyClient, accountId: string, banned: boolean, given?: string): Promise<ActionResult> {
  const person_id = personId(accountId);
  // Data removal stays off: removing all of a person's content is a separate, deliberate decision.
  if (client.api === 'v4') {
    const reason = reasonFor(client, given, banned ? DEFAULT_REASON.ban : DEFAULT_REASON.unban);
    await client.request('POST', `${V4}/admin/ban`, { json: { person_id, ban: banned, reason, ...(banned ? { remove_or_restore_data: false } : {}) } });
  } else {
    await client.request('POST', `${V3}/user/ban`, {
      json: { person_id, ban: banned, reason: given?.trim() || undefined, ...(banned ? { remove_data: false } : {}) },
    });
  }
  return { ok: true, remoteRef: accountId };
}

function normalizeDomain(rawDomain: string): string {
  const domain = rawDomain.trim().toLowerCase();
  if (!/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
    throw new AppError('bad_request', 'Invalid domain', { userMessage: 'That is not a valid domain.' });
  }
  return domain;
}

/**
 * v3: PUT /site replaces the whole blocked_instances list, so the current list is read first and the domain
 * appended. In 0.19 GET /site does not carry the list (GetSiteResponse has no federated_instances since 0.18);
 * GET /federated_instances does. If it cannot be read (federation off, malformed), nothing is written: a
 * partial list would silently unblock instances.
 */
async function blockInstanceV3(client: LemmyClient, rawDomain: string): Promise<ActionResult> {
  const domain = normalizeDomain(rawDomain);
  const data = await client.request('GET', `${V3}/federated_instances`);
  const existing = parseRemote(federatedInstancesSchema, data, 'federated instance list').federated_instances.blocked.map((i) => i.domain);
  if (existing.some((d) => d.toLowerCase() === domain)) return { ok: true, remoteRef: domain };
  await client.request('PUT', `${V3}/site`, { json: { blocked_instances: [...existing, domain] } });
  return { ok: true, remoteRef: domain };
}

/**
 * v4 blocks one instance per call. Blocking one that is already blocked fails on 1.0 (an insert conflict answered
 * 400 couldnt_create: FederationBlockList::block in LemmyNet/lemmy crates/db_schema), so the list is read first.
 */
async function blockInstanceV4(client: LemmyClient, rawDomain: string): Promise<ActionResult> {
  const domain = normalizeDomain(rawDomain);
  const { blocks } = await readLemmyBlockList(client);
  if (blocks.some((b) => b.domain === domain)) return { ok: true, remoteRef: domain };
  await client.request('POST', `${V4}/admin/instance/block`, { json: { instance: domain, block: true, reason: DEFAULT_REASON.block } });
  return { ok: true, remoteRef: domain };
}

function unsupported(what: string, note?: string): AppError {
  const kind = what.split(' ')[0] as keyof typeof lemmyCapabilities.notes;
  return new AppError('unsupported', `Lemmy connector cannot perform ${what}`, {
    userMessage: note ?? lemmyCapabilities.notes[kind] ?? 'This server does not support that action.',
  });
}
