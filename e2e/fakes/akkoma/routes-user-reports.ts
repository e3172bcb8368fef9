/**
 * POST /api/v1/reports (Mastodon-compatible ReportController → CommonAPI.report), filed by the token's own account.
 * Pleroma finds the target by FlakeId only (User.get_cached_by_id; a nickname is "Account not found"), keeps only
 * the statuses that are the target's (Activity.all_by_actor_and_id), and with `forward` on a remote target sends the
 * Flag to its server (recorded in the forward log). The answer is ReportView's show.json.
 */
import { z } from 'zod';
import { parse } from './body';
import type { FakeReport } from './entities';
import { FakeError, type Route } from './route-types';

const createBody = z.object({
  account_id: z.string(),
  status_ids: z.array(z.string()).optional(),
  comment: z.string().optional(),
  forward: z.union([z.boolean(), z.string()]).optional(),
});

export const userReportRoutes: Route[] = [
  {
    method: 'POST', pattern: /^\/api\/v1\/reports$/, scope: 'write:reports',
    handler: ({ state, body }) => {
      const input = parse(createBody, body);
      const target = [...state.accounts.values()].find((a) => a.id === input.account_id);
      if (!target) throw new FakeError(400, { error: 'Account not found' });
      const statusIds = (input.status_ids ?? []).filter((id) => state.statuses.get(id)?.nickname === target.nickname);
      const report: FakeReport = {
        id: state.nextId('RP'), state: 'open', actor: state.adminNickname, account: target.nickname,
        content: input.comment ?? '', createdAt: state.tick(), statusIds, notes: [],
      };
      state.reports.set(report.id, report);
      const domain = target.nickname.split('@')[1];
      if ((input.forward === true || input.forward === 'true') && domain) {
        state.forwardLog.record({ reportId: report.id, account: target.nickname, domain, statusIds, comment: report.content });
      }
      return { json: { id: report.id, action_taken: false } };
    },
  },
];
