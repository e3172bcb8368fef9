/**
 * POST /api/v1/reports: a report filed through the user API (ReportService), here by the token's own account (the
 * admin). Mastodon checks that the account exists and that every status is the target's, caps the comment, and
 * with `forward` on a remote target sends the Flag to its server (forwarded = true), recorded in the forward log.
 */
import type { FakeReport } from './entities';
import { HttpError, str, truthy } from './http';
import type { Ctx, Route } from './route-types';
import { serializeAccount } from './serialize-account';
import { acctOf } from './state';

const CATEGORIES = ['spam', 'legal', 'violation', 'other'];
const COMMENT_LIMIT = 1000;

function createReport({ state, body }: Ctx) {
  const target = state.accounts.get(str(body.account_id) ?? '');
  if (!target) throw new HttpError(404, 'Record not found');
  const statusIds = Array.isArray(body.status_ids) ? body.status_ids.map(String) : [];
  if (statusIds.some((id) => state.statuses.get(id)?.accountId !== target.id)) throw new HttpError(404, 'Record not found');
  const comment = str(body.comment) ?? '';
  if (comment.length > COMMENT_LIMIT) throw new HttpError(422, 'Validation failed: Comment is too long (maximum is 1000 characters)');
  const category = str(body.category) ?? 'other';
  if (!CATEGORIES.includes(category)) throw new HttpError(422, 'Validation failed: Category is not included in the list');
  const forwarded = truthy(body.forward) && target.domain !== null;
  const now = new Date().toISOString();
  const report: FakeReport = {
    id: state.nextReportId(), category, comment, forwarded, createdAt: now, updatedAt: now,
    reporterId: state.adminId, targetId: target.id, assignedId: null, actionTakenById: null, actionTakenAt: null,
    statusIds, ruleIds: [],
  };
  state.reports.set(report.id, report);
  if (forwarded && target.domain) {
    state.forwardLog.record({ reportId: report.id, account: acctOf(target), domain: target.domain, statusIds, comment });
  }
  return {
    json: {
      id: report.id, action_taken: false, action_taken_at: null, category, comment, forwarded, created_at: now,
      status_ids: statusIds, rule_ids: [], target_account: serializeAccount(state, target),
    },
  };
}

export const userReportRoutes: Route[] = [
  { method: 'POST', pattern: /^\/api\/v1\/reports$/, scope: 'write:reports', handler: createReport },
];
