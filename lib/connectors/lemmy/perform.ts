/** Maps each ConnectorAction to its Lemmy v3 endpoint (instance-apis.md §3). */
import { AppError } from '../../errors';
import type { ActionResult, ConnectorAction } from '../types';
import { federatedInstancesSchema } from './api-types';
import { lemmyCapabilities } from './capabilities';
import { V3, type LemmyClient } from './client';
import { parseRemote } from './parse';
import { REPORT_TYPES, parseTypedId } from './report-types';

export async function performLemmy(client: LemmyClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.resolve':
    case 'report.reopen':
      return resolveReport(client, action.reportId, action.kind === 'report.resolve');
    case 'status.delete': {
      const { kind, id } = parseTypedId(action.statusId, ['post', 'comment']);
      const reason = action.reason?.trim() || undefined;
      if (kind === 'post') await client.request('POST', `${V3}/post/remove`, { json: { post_id: id, removed: true, reason } });
      else await client.request('POST', `${V3}/comment/remove`, { json: { comment_id: id, removed: true, reason } });
      return { ok: true, remoteRef: action.statusId };
    }
    case 'account.action':
      if (action.type !== 'suspend') throw unsupported(`account.action ${action.type}`, 'On Lemmy only suspend (a site ban) is offered.');
      return ban(client, action.accountId, true, action.text);
    case 'account.undo':
      if (action.type !== 'unsuspend') throw unsupported(`account.undo ${action.type}`, 'On Lemmy only unsuspend (lifting a site ban) is offered.');
      return ban(client, action.accountId, false);
    case 'domain.block':
      return blockInstance(client, action.domain);
    default:
      throw unsupported(action.kind);
  }
}

async function resolveReport(client: LemmyClient, reportId: string, resolved: boolean): Promise<ActionResult> {
  const { kind, id } = parseTypedId(reportId);
  const spec = REPORT_TYPES[kind];
  const data = await client.request('PUT', `${V3}/${spec.path}/report/resolve`, { json: { report_id: id, resolved } });
  const view = data && typeof data === 'object' ? (data as Record<string, unknown>)[spec.viewKey] : null;
  const parsed = spec.parse(view);
  // The write landed either way; a fresh report is a bonus, so a view we cannot read is not an error.
  return { ok: true, remoteRef: reportId, report: parsed.ok ? parsed.report : null };
}

async function ban(client: LemmyClient, accountId: string, banned: boolean, reason?: string): Promise<ActionResult> {
  if (!/^\d{1,12}$/.test(accountId)) throw new AppError('bad_request', 'Invalid Lemmy person id', { userMessage: 'Lemmy person ids are numbers.' });
  // remove_data stays false: removing all of a person's content is a separate, deliberate decision.
  await client.request('POST', `${V3}/user/ban`, {
    json: { person_id: Number(accountId), ban: banned, reason: reason?.trim() || undefined, ...(banned ? { remove_data: false } : {}) },
  });
  return { ok: true, remoteRef: accountId };
}

/**
 * PUT /site replaces the whole blocked_instances list, so the current list is read first and the domain
 * appended. In 0.19 GET /site does not carry the list; GET /federated_instances does. If it cannot be read
 * (federation off, malformed), nothing is written: a partial list would silently unblock instances.
 */
async function blockInstance(client: LemmyClient, rawDomain: string): Promise<ActionResult> {
  const domain = rawDomain.trim().toLowerCase();
  if (!/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
    throw new AppError('bad_request', 'Invalid domain', { userMessage: 'That is not a valid domain.' });
  }
  const data = await client.request('GET', `${V3}/federated_instances`);
  const existing = parseRemote(federatedInstancesSchema, data, 'federated instance list').federated_instances.blocked.map((i) => i.domain);
  if (existing.some((d) => d.toLowerCase() === domain)) return { ok: true, remoteRef: domain };
  await client.request('PUT', `${V3}/site`, { json: { blocked_instances: [...existing, domain] } });
  return { ok: true, remoteRef: domain };
}

function unsupported(what: string, note?: string): AppError {
  const kind = what.split(' ')[0] as keyof typeof lemmyCapabilities.notes;
  return new AppError('unsupported', `Lemmy connector cannot perform ${what}`, {
    userMessage: note ?? lemmyCapabilities.notes[kind] ?? 'This server does not support that action.',
  });
}
