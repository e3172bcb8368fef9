/**
 * users/report-abuse: any user files a report, here the token's own (admin) account. Params and errors as
 * misskey-dev/misskey endpoints/users/report-abuse.ts declares them (comment 1-2048 characters, kind
 * write:report-abuse); the new report fires the abuseReport system webhook like AbuseReportService.report.
 */
import { notifyReportEvent } from './deliver-webhook';
import type { Endpoint } from './endpoint-types';
import type { FakeReport } from './entities';
import { MisskeyApiError, errors, str } from './http';

/** paramDef comment maxLength; ajv counts code points, as [...s].length does. */
const COMMENT_MAX = 2048;

export const reportEndpoints: Record<string, Endpoint> = {
  'users/report-abuse': {
    kind: 'write:report-abuse',
    requireCredential: true,
    handler: ({ state, body }) => {
      const userId = str(body.userId);
      if (!userId) throw errors.invalidParam('userId');
      const comment = body.comment;
      if (typeof comment !== 'string' || comment.length === 0 || [...comment].length > COMMENT_MAX) throw errors.invalidParam('comment');
      const target = state.users.get(userId);
      if (!target) throw new MisskeyApiError(400, 'NO_SUCH_USER', 'No such user.', '1acefcb5-0959-43fd-9685-b48305736cb5');
      if (target.id === state.adminId) throw new MisskeyApiError(400, 'CANNOT_REPORT_YOURSELF', 'Cannot report yourself.', '1e13149e-b1e8-43cf-902e-c01dbfcb202f');
      if (target.isAdmin) throw new MisskeyApiError(400, 'CANNOT_REPORT_THE_ADMIN', 'Cannot report the admin.', '35e166f5-05fb-4f87-a2d5-adb42676d48f');
      const { id, createdAt } = state.nextId();
      const report: FakeReport = {
        id, createdAt, comment, reporterId: state.adminId, targetUserId: target.id, assigneeId: null,
        resolved: false, resolvedAs: null, forwarded: false, moderationNote: '',
      };
      state.reports.set(id, report);
      notifyReportEvent(state, report, 'abuseReport');
    },
  },
};
