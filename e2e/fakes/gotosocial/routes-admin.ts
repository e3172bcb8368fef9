/** The admin endpoints the connector uses: reports, the account action, domain blocks, media cleanup. */
import { HttpError, str, truthy, type Reply } from '../mastodon/http';
import type { FakeReport } from './entities';
import { paginate } from './paginate';
import type { Ctx, Route } from './route-types';
import { serializeAdminAccount, serializeReport } from './serialize';
import { acctOf, type FakeState } from './state';
import { suspendAndDelete } from './removals';
import { serializeDomainBlock } from './routes-domain-blocks';

const ID = '([0-9A-Z]{26})';
const DAY = 86_400_000;

function findReport(state: FakeState, id: string): FakeReport {
  const report = state.reports.get(id);
  if (!report) throw new HttpError(404, 'Not Found: report not found');
  return report;
}

function listReports({ state, query, selfUrl }: Ctx): Reply {
  // Absent `resolved` lists every report; "true"/"false" filter.
  const resolved = query.resolved === undefined ? null : truthy(query.resolved);
  const matching = state.reportsNewestFirst().filter((r) =>
    (resolved === null || (r.actionTakenAt !== null) === resolved) &&
    (!str(query.account_id) || r.reporterId === str(query.account_id)) &&
    (!str(query.target_account_id) || r.targetId === str(query.target_account_id)));
  const page = paginate(matching, query, selfUrl, ['resolved', 'account_id', 'target_account_id']);
  return { json: page.items.map((r) => serializeReport(state, r)), headers: page.link ? { Link: page.link } : {} };
}

function resolveReport({ state, params, body }: Ctx) {
  const report = findReport(state, params[0]);
  const now = new Date().toISOString();
  report.actionTakenAt = now;
  report.actionTakenById = state.adminId;
  report.actionTakenComment = str(body.action_taken_comment) ?? report.actionTakenComment;
  report.updatedAt = now;
  return { json: serializeReport(state, report) };
}

function accountAction({ state, params, body }: Ctx) {
  const account = state.accounts.get(params[0]);
  if (!account) throw new HttpError(404, 'Not Found: account not found');
  const type = str(body.type);
  if (type !== 'suspend') throw new HttpError(400, `Bad Request: admin action type ${type ?? ''} is not supported`.trim());
  if (account.id === state.adminId) throw new HttpError(400, 'Bad Request: cannot suspend yourself');
  if (state.runningActions.has(account.id)) {
    throw new HttpError(409, `Conflict: an action (suspend) is currently running for account ${acctOf(account)}`);
  }
  // GoToSocial answers at once and deletes in the background; the fake deletes before answering.
  suspendAndDelete(state, account);
  return { json: { message: 'OK' } };
}

function createDomainBlock({ state, body }: Ctx) {
  const domain = str(body.domain)?.trim().toLowerCase();
  if (!domain) throw new HttpError(400, 'Bad Request: no domain given');
  if ([...state.domainBlocks.values()].some((b) => b.domain === domain)) {
    throw new HttpError(409, `Conflict: a domain block already exists for ${domain}`);
  }
  const block = {
    id: state.nextId(), domain, obfuscate: truthy(body.obfuscate), createdAt: new Date().toISOString(),
    publicComment: str(body.public_comment) ?? '', privateComment: str(body.private_comment) ?? '',
  };
  state.domainBlocks.set(block.id, block);
  // A GoToSocial block is a full block: every account of the domain is suspended here.
  for (const a of state.accounts.values()) if (a.domain === domain || a.domain?.endsWith(`.${domain}`)) suspendAndDelete(state, a);
  return { json: serializeDomainBlock(state, block) };
}

function mediaCleanup({ state, query }: Ctx) {
  const raw = str(query.remote_cache_days);
  if (raw === undefined || !/^-?\d+$/.test(raw)) throw new HttpError(400, 'Bad Request: remote_cache_days must be an integer');
  const days = Math.max(0, Number(raw)); // GoToSocial treats negative values as 0
  const cutoff = Date.now() - days * DAY;
  const pruned: string[] = [];
  for (const m of state.media.values()) {
    const remote = Boolean(state.accounts.get(m.accountId)?.domain);
    if (remote && m.cached && Date.parse(m.createdAt) < cutoff) {
      m.cached = false;
      pruned.push(m.id);
    }
  }
  state.cleanups.push({ remoteCacheDays: days, pruned });
  return { json: days };
}

const reports = '^\\/api\\/v1\\/admin\\/reports';
const READ_REPORTS = { scope: 'admin:read:reports', staff: true };
export const adminRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`${reports}$`), ...READ_REPORTS, handler: listReports },
  { method: 'GET', pattern: new RegExp(`${reports}\\/${ID}$`), ...READ_REPORTS, handler: ({ state, params }) => ({ json: serializeReport(state, findReport(state, params[0])) }) },
  { method: 'POST', pattern: new RegExp(`${reports}\\/${ID}\\/resolve$`), scope: 'admin:write:reports', staff: true, handler: resolveReport },
  {
    method: 'GET', pattern: new RegExp(`^\\/api\\/v1\\/admin\\/accounts\\/${ID}$`), scope: 'admin:read:accounts', staff: true,
    handler: ({ state, params }) => {
      const account = state.accounts.get(params[0]);
      if (!account) throw new HttpError(404, 'Not Found: account not found');
      return { json: serializeAdminAccount(state, account) };
    },
  },
  { method: 'POST', pattern: new RegExp(`^\\/api\\/v1\\/admin\\/accounts\\/${ID}\\/action$`), scope: 'admin:write:accounts', staff: true, handler: accountAction },
  { method: 'POST', pattern: /^\/api\/v1\/admin\/domain_blocks$/, scope: 'admin:write:domain_blocks', staff: true, handler: createDomainBlock },
  { method: 'POST', pattern: /^\/api\/v1\/admin\/media_cleanup$/, scope: 'admin:write', staff: true, handler: mediaCleanup },
];
