/**
 * POST /api/v1/reports (swagger reportCreate): a report filed by the token's own account (the admin). GoToSocial
 * checks the target exists and is not the reporter, that the statuses are the target's, caps the comment at 1000
 * characters, and with `forward` on a remote target sends the Flag to its instance (recorded in the forward log).
 */
import { HttpError, str, truthy } from '../mastodon/http';
import type { FakeReport } from './entities';
import type { Ctx, Route } from './route-types';
import { serializeAccount } from './serialize';
import { acctOf } from './state';

const CATEGORIES = ['spam', 'violation', 'other'];

function createReport({ state, body }: Ctx) {
  const target = state.accounts.get(str(body.account_id) ?? '');
  if (!target) throw new HttpError(404, 'Not Found: account not found');
  if (target.id === state.adminId) throw new HttpError(400, 'Bad Request: cannot report your own account');
  const statusIds = Array.isArray(body.status_ids) ? body.status_ids.map(String) : [];
  if (statusIds.some((id) => state.statuses.get(id)?.accountId !== target.id)) {
    throw new HttpError(400, 'Bad Request: status ids must belong to the reported account');
  }
  const comment = str(body.comment) ?? '';
  if (comment.length > 1000) throw new HttpError(400, 'Bad Request: comment must be 1000 characters or less');
  const category = str(body.category) ?? 'other';
  if (!CATEGORIES.includes(category)) throw new HttpError(400, `Bad Request: unknown category ${category}`);
  const forwarded = truthy(body.forward) && target.domain !== null;
  const now = new Date().toISOString();
  const report: FakeReport = {
    id: state.nextId(), createdAt: now, updatedAt: now, category, comment, forwarded, reporterId: state.adminId,
    targetId: target.id, statusIds, ruleIds: [], actionTakenAt: null, actionTakenById: null, actionTakenComment: null,
  };
  state.reports.set(report.id, report);
  if (forwarded && target.domain) {
    state.forwardLog.record({ reportId: report.id, account: acctOf(target), domain: target.domain, statusIds, comment });
  }
  return {
    json: {
      id: report.id, created_at: now, action_taken: false, action_taken_at: null, action_comment: null, category,
      comment, forwarded, status_ids: statusIds, rule_ids: [], target_account: serializeAccount(state, target),
    },
  };
}

export const userReportRoutes: Route[] = [
  { method: 'POST', pattern: /^\/api\/v1\/reports$/, scope: 'write:reports', handler: createReport },
];
