/** The moderation endpoints the connector uses, with Misskey's params and permission kinds (instance-apis.md §4). */
import type { Endpoint } from './endpoint-types';
import { errors, str } from './http';
import { notifyReportEvent } from './deliver-webhook';
import { packReport } from './serialize';
import type { FakeReport } from './entities';
import type { FakeMisskeyState } from './state';

// NO_SUCH_ABUSE_REPORT ids as each endpoint's meta declares them (misskey-dev/misskey admin/*-abuse-user-report.ts).
const NO_SUCH_REPORT = {
  resolve: 'ac3794dd-2ce4-d878-e546-73c60c06b398',
  update: '15f51cf5-46d1-4b1d-a618-b35bcbed0662',
  forward: '8763e21b-d9bc-40be-acf6-54c1a6986493',
} as const;
const NO_SUCH_USER = 'd4a6d6b2-b4d6-4c57-9a1f-0b4c3c3f1e1c';
/** abuse_user_report.moderationNote is varchar(8192); a longer value fails in the database, not in validation. */
const MODERATION_NOTE_MAX = 8192;

function report(state: FakeMisskeyState, body: Record<string, unknown>, endpoint: keyof typeof NO_SUCH_REPORT) {
  const r = state.reports.get(str(body.reportId) ?? '');
  if (!r) throw errors.noSuchAbuseReport(NO_SUCH_REPORT[endpoint]);
  return r;
}

function user(state: FakeMisskeyState, body: Record<string, unknown>) {
  const u = state.users.get(str(body.userId) ?? '');
  if (!u) throw errors.noSuch('USER', NO_SUCH_USER);
  return u;
}

export const adminEndpoints: Record<string, Endpoint> = {
  'admin/abuse-user-reports': {
    kind: 'read:admin:abuse-user-reports',
    moderator: true,
    handler: ({ state, body }) => {
      const limit = body.limit ?? 10;
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) throw errors.invalidParam('limit');
      const untilId = str(body.untilId);
      const wanted = body.state === 'resolved' ? true : body.state === 'unresolved' ? false : null;
      // paramDef: targetUserOrigin enum combined|local|remote (default combined), on the report's targetUserHost.
      const origin = body.targetUserOrigin ?? 'combined';
      if (origin !== 'combined' && origin !== 'local' && origin !== 'remote') throw errors.invalidParam('targetUserOrigin');
      const remoteTarget = (r: FakeReport) => Boolean(state.users.get(r.targetUserId)?.host);
      return state.reportsNewestFirst()
        .filter((r) => (untilId ? r.id < untilId : true) && (wanted === null || r.resolved === wanted))
        .filter((r) => origin === 'combined' || (origin === 'remote') === remoteTarget(r))
        .slice(0, limit)
        .map((r) => packReport(state, r));
    },
  },
  'admin/resolve-abuse-user-report': {
    kind: 'write:admin:resolve-abuse-user-report',
    moderator: true,
    handler: ({ state, body }) => {
      // paramDef: resolvedAs enum ['accept', 'reject', null], optional.
      const resolvedAs = body.resolvedAs ?? null;
      if (resolvedAs !== null && resolvedAs !== 'accept' && resolvedAs !== 'reject') throw errors.invalidParam('resolvedAs');
      const r = report(state, body, 'resolve');
      r.resolved = true;
      r.resolvedAs = resolvedAs;
      r.assigneeId = state.adminId; // Misskey records the resolver as the assignee
      notifyReportEvent(state, r, 'abuseReportResolved');
    },
  },
  'admin/update-abuse-user-report': {
    // Same kind as resolve: Misskey has no separate permission for the moderation note.
    kind: 'write:admin:resolve-abuse-user-report',
    moderator: true,
    handler: ({ state, body }) => {
      // paramDef: moderationNote string, optional (absent = left as it is). It replaces the note whole.
      if (body.moderationNote !== undefined && typeof body.moderationNote !== 'string') throw errors.invalidParam('moderationNote');
      const r = report(state, body, 'update');
      if (typeof body.moderationNote !== 'string') return;
      if ([...body.moderationNote].length > MODERATION_NOTE_MAX) {
        throw errors.internal({ message: 'value too long for type character varying(8192)', code: 'QueryFailedError' });
      }
      r.moderationNote = body.moderationNote;
    },
  },
  'admin/forward-abuse-user-report': {
    kind: 'write:admin:resolve-abuse-user-report',
    moderator: true,
    handler: ({ state, body }) => {
      // AbuseReportService.forward throws plain Errors, which ApiCallService answers as 500 INTERNAL_ERROR.
      const r = report(state, body, 'forward');
      if (!state.users.get(r.targetUserId)?.host) throw errors.internal({ message: 'The target user host is null.', code: 'Error' });
      if (r.forwarded) throw errors.internal({ message: 'The report has already been forwarded.', code: 'Error' });
      r.forwarded = true;
    },
  },
  'admin/suspend-user': {
    kind: 'write:admin:suspend-user',
    destructive: true,
    moderator: true,
    handler: ({ state, body }) => {
      user(state, body).isSuspended = true;
    },
  },
  'admin/show-user': {
    // The real answer is the profile and role state, without username or host (admin/show-user.ts); a missing
    // user is a plain Error('user not found'), so Misskey answers 500 INTERNAL_ERROR rather than NO_SUCH_USER.
    kind: 'read:admin:show-user',
    moderator: true,
    handler: ({ state, body }) => {
      const u = state.users.get(str(body.userId) ?? '');
      if (!u) throw errors.internal({ message: 'user not found', code: 'Error' });
      return {
        email: null, emailVerified: false, isModerator: u.isModerator, isSilenced: false, isLimited: false, isSuspended: u.isSuspended,
        isHibernated: false, lastActiveDate: null, moderationNote: '', signins: [], policies: {}, roles: [], roleAssigns: [],
      };
    },
  },
  'admin/unsuspend-user': {
    kind: 'write:admin:unsuspend-user',
    moderator: true,
    handler: ({ state, body }) => {
      user(state, body).isSuspended = false;
    },
  },
  'notes/delete': {
    kind: 'write:notes',
    destructive: true,
    requireCredential: true,
    handler: ({ state, body }) => {
      const id = str(body.noteId) ?? '';
      if (!state.notes.delete(id)) throw errors.noSuch('NOTE', '490be23f-8c1f-4796-819f-94cb4f9d1630');
    },
  },
  'admin/federation/delete-all-files': {
    kind: 'write:admin:federation',
    destructive: true,
    moderator: true,
    handler: ({ state, body }) => {
      const host = str(body.host);
      if (!host) throw errors.invalidParam('host');
      const owners = new Set([...state.users.values()].filter((u) => u.host === host).map((u) => u.id));
      for (const [id, f] of state.files) if (owners.has(f.userId)) state.removeFile(id);
      state.purgedHosts.push(host);
    },
  },
};
