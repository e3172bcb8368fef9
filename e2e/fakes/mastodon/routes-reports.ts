/** /api/v1/admin/reports: list, show, update and the four state transitions. */
import type { FakeReport } from './entities';
import { HttpError, str, truthy, type Reply } from './http';
import { paginate } from './paginate';
import type { Ctx, Route } from './route-types';
import { serializeReport } from './serialize-report';
import type { FakeState } from './state';

const READ = { scope: 'admin:read:reports', permission: 'manageReports' } as const;
const WRITE = { scope: 'admin:write:reports', permission: 'manageReports' } as const;
const CATEGORIES = ['spam', 'legal', 'violation', 'other'];

export function findReport(state: FakeState, id: string): FakeReport {
  const report = state.reports.get(id);
  if (!report) throw new HttpError(404, 'Record not found');
  return report;
}

function list({ state, query, selfUrl }: Ctx): Reply {
  const resolved = truthy(query.resolved);
  const reporter = str(query.account_id);
  const target = str(query.target_account_id);
  const matching = state.reportsNewestFirst().filter((r) =>
    (r.actionTakenAt !== null) === resolved &&
    (!reporter || r.reporterId === reporter) &&
    (!target || r.targetId === target));
  const page = paginate(matching, query, selfUrl, ['resolved', 'account_id', 'target_account_id']);
  return { json: page.items.map((r) => serializeReport(state, r)), headers: page.link ? { Link: page.link } : {} };
}

function update({ state, params, body }: Ctx) {
  const report = findReport(state, params[0]);
  const category = str(body.category);
  if (category !== undefined && !CATEGORIES.includes(category)) {
    throw new HttpError(422, 'Validation failed: Category is not included in the list');
  }
  const ruleIds = Array.isArray(body.rule_ids) ? body.rule_ids.map(String) : undefined;
  if (ruleIds?.some((id) => !state.rules.some((r) => r.id === id))) {
    throw new HttpError(422, 'Validation failed: Rule ids contains unknown rules');
  }
  if (category) report.category = category;
  if (ruleIds) report.ruleIds = ruleIds;
  else if (category && category !== 'violation') report.ruleIds = [];
  return touched(state, report);
}

function transition(change: (r: FakeReport, state: FakeState) => void) {
  return ({ state, params }: Ctx) => {
    const report = findReport(state, params[0]);
    change(report, state);
    return touched(state, report);
  };
}

function touched(state: FakeState, report: FakeReport) {
  report.updatedAt = new Date().toISOString();
  return { json: serializeReport(state, report) };
}

export function resolveReport(report: FakeReport, state: FakeState): void {
  report.actionTakenAt = new Date().toISOString();
  report.actionTakenById = state.adminId;
}

const base = '^\\/api\\/v1\\/admin\\/reports';
export const reportRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`${base}$`), ...READ, handler: list },
  { method: 'GET', pattern: new RegExp(`${base}\\/(\\d+)$`), ...READ, handler: ({ state, params }) => ({ json: serializeReport(state, findReport(state, params[0])) }) },
  { method: 'PUT', pattern: new RegExp(`${base}\\/(\\d+)$`), ...WRITE, handler: update },
  { method: 'POST', pattern: new RegExp(`${base}\\/(\\d+)\\/assign_to_self$`), ...WRITE, handler: transition((r, s) => { r.assignedId = s.adminId; }) },
  { method: 'POST', pattern: new RegExp(`${base}\\/(\\d+)\\/unassign$`), ...WRITE, handler: transition((r) => { r.assignedId = null; }) },
  { method: 'POST', pattern: new RegExp(`${base}\\/(\\d+)\\/resolve$`), ...WRITE, handler: transition(resolveReport) },
  { method: 'POST', pattern: new RegExp(`${base}\\/(\\d+)\\/reopen$`), ...WRITE, handler: transition((r) => { r.actionTakenAt = null; r.actionTakenById = null; }) },
];
