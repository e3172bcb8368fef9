/**
 * /api/v1/admin/accounts: show, the moderation action, and its undo endpoints.
 * Action semantics follow Mastodon's Admin::AccountAction: type "none" (a warning) resolves only the given
 * report; any other type resolves every open report against the account.
 */
import type { FakeAccount } from './entities';
import { HttpError, str, truthy } from './http';
import type { Ctx, Route } from './route-types';
import { resolveReport } from './routes-reports';
import { serializeAdminAccount } from './serialize-account';
import type { FakeState } from './state';
import { NOT_ALLOWED } from './auth';
import { deleteAccountData } from './removals';

const READ = { scope: 'admin:read:accounts', permission: 'manageUsers' } as const;
const WRITE = { scope: 'admin:write:accounts', permission: 'manageUsers' } as const;
const TYPES = ['none', 'sensitive', 'disable', 'silence', 'suspend'];

function findAccount(state: FakeState, id: string): FakeAccount {
  const account = state.accounts.get(id);
  if (!account) throw new HttpError(404, 'Record not found');
  return account;
}

function action({ state, params, body }: Ctx) {
  const account = findAccount(state, params[0]);
  const type = str(body.type) ?? '';
  if (!TYPES.includes(type)) throw new HttpError(422, 'Validation failed: Type is not included in the list');
  const reportId = str(body.report_id) || null;
  const report = reportId ? state.reports.get(reportId) : undefined;
  if (reportId && !report) throw new HttpError(404, 'Record not found');
  if (type === 'sensitive') account.sensitized = true;
  if (type === 'disable' && account.domain === null) account.disabled = true;
  if (type === 'silence') account.silenced = true;
  // Account#suspend! (only when not yet suspended) creates the AccountDeletionRequest that allows the data delete.
  if (type === 'suspend' && !account.suspended) {
    account.suspended = true;
    account.dataDeletedAt = null;
  }
  const toResolve = type === 'none'
    ? (report ? [report] : [])
    : [...state.reports.values()].filter((r) => r.targetId === account.id && r.actionTakenAt === null);
  for (const r of toResolve) {
    resolveReport(r, state);
    r.updatedAt = new Date().toISOString();
  }
  state.warnings.push({
    accountId: account.id,
    type,
    text: str(body.text) ?? null,
    reportId,
    sendEmailNotification: truthy(body.send_email_notification),
    time: new Date().toISOString(),
  });
  return { json: {} }; // Mastodon's render_empty
}

/**
 * DELETE /api/v1/admin/accounts/:id: AccountPolicy#destroy? is `suspended_temporarily? && can?(:delete_user_data)`,
 * so an account that is not suspended, or whose data was already deleted, is refused with 403. Mastodon deletes in a
 * Sidekiq job after answering; the fake deletes at once. The answer is render_empty: {}.
 */
function destroy({ state, params }: Ctx) {
  const account = findAccount(state, params[0]);
  if (state.auth.rolePermissions.deleteUserData === false) throw new HttpError(403, NOT_ALLOWED);
  if (!account.suspended || account.dataDeletedAt) throw new HttpError(403, NOT_ALLOWED);
  deleteAccountData(state, account);
  return { json: {} };
}

function undo(change: (a: FakeAccount) => void, allowed: (a: FakeAccount) => boolean = () => true) {
  return ({ state, params }: Ctx) => {
    const account = findAccount(state, params[0]);
    // Mastodon's policy refuses unsuspend on an account that is not (temporarily) suspended.
    if (!allowed(account)) throw new HttpError(403, NOT_ALLOWED);
    change(account);
    return { json: serializeAdminAccount(state, account) };
  };
}

const base = '^\\/api\\/v1\\/admin\\/accounts\\/(\\d+)';
export const accountRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`${base}$`), ...READ, handler: ({ state, params }) => ({ json: serializeAdminAccount(state, findAccount(state, params[0])) }) },
  { method: 'POST', pattern: new RegExp(`${base}\\/action$`), ...WRITE, handler: action },
  { method: 'DELETE', pattern: new RegExp(`${base}$`), scope: 'admin:write:accounts', handler: destroy },
  { method: 'POST', pattern: new RegExp(`${base}\\/enable$`), ...WRITE, handler: undo((a) => { a.disabled = false; }) },
  { method: 'POST', pattern: new RegExp(`${base}\\/unsilence$`), ...WRITE, handler: undo((a) => { a.silenced = false; }) },
  { method: 'POST', pattern: new RegExp(`${base}\\/unsensitive$`), ...WRITE, handler: undo((a) => { a.sensitized = false; }) },
  { method: 'POST', pattern: new RegExp(`${base}\\/unsuspend$`), ...WRITE, handler: undo((a) => { a.suspended = false; }, (a) => a.suspended) },
];
