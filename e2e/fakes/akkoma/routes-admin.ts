/** The /api/v1/pleroma/admin/ report, status and media routes the connector uses (instance-apis.md §5). */
import { z } from 'zod';
import { internalError, parse } from './body';
import { FakeError, notFound, type Route } from './route-types';
import { serializeReport, serializeStatus } from './serialize';

const P = '^/api/v1/pleroma/admin';
const R = (path: string) => new RegExp(`${P}${path}$`);

const reportUpdate = z.object({ reports: z.array(z.object({ id: z.string(), state: z.enum(['open', 'closed', 'resolved']) })).min(1) });
const purge = z.object({ urls: z.array(z.string()).min(1), ban: z.boolean().optional() });
const noteBody = z.object({ content: z.string() });
const statusUpdate = z.object({ sensitive: z.boolean().optional(), visibility: z.string().optional() });

// The ApiSpec VisibilityScope enum the request is cast against, and the subset ActivityPub.Utils
// update_activity_visibility/2 can actually apply (its @valid_visibilities) (verify both against Akkoma).
const VISIBILITY_SCOPES = ['public', 'unlisted', 'local', 'private', 'direct', 'list'];
const SETTABLE_VISIBILITIES = ['public', 'unlisted', 'private', 'direct'];

function positiveInt(v: unknown, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export const adminRoutes: Route[] = [
  {
    method: 'GET', pattern: R('/reports'), scope: 'admin:read:reports',
    handler: ({ state, query }) => {
      const page = positiveInt(query.page, 1);
      const pageSize = positiveInt(query.page_size, 50);
      const all = state.reportsNewestFirst().filter((r) => !query.state || r.state === query.state);
      const slice = all.slice((page - 1) * pageSize, page * pageSize);
      return { json: { total: all.length, reports: slice.map((r) => serializeReport(state, r)) } };
    },
  },
  {
    method: 'GET', pattern: R('/reports/([^/]+)'), scope: 'admin:read:reports',
    handler: ({ state, params: [id] }) => {
      const r = state.reports.get(id);
      if (!r) throw notFound();
      return { json: serializeReport(state, r) };
    },
  },
  {
    method: 'PATCH', pattern: R('/reports'), scope: 'admin:write:reports',
    handler: ({ state, body }) => {
      const { reports } = parse(reportUpdate, body);
      // Pleroma applies what it can and answers 400 with a per-item error list if anything failed.
      const errors = reports.filter((u) => !state.reports.has(u.id)).map((u) => ({ id: u.id, error: 'not_found' }));
      for (const u of reports) { const r = state.reports.get(u.id); if (r) r.state = u.state; }
      return errors.length ? { status: 400, json: errors } : { status: 204 };
    },
  },
  {
    method: 'POST', pattern: R('/reports/([^/]+)/notes'), scope: 'admin:write:reports',
    handler: ({ state, params: [id], body }) => {
      // The ApiSpec cast runs first: a missing or non-string content is a 400 before anything is looked up.
      const { content } = parse(noteBody, body);
      // ReportNote's changeset rejects a blank content and the controller answers 400 with an empty JSON string.
      if (!content.trim()) return { status: 400, json: '' };
      // ReportNote.create inserts without a foreign-key constraint in its changeset, so an unknown report id
      // raises in the database and Phoenix answers 500 (verify).
      const r = state.reports.get(id);
      if (!r) throw internalError();
      r.notes.push({ id: state.nextNoteId(), author: state.adminNickname, content, createdAt: state.tick() });
      return { status: 204 };
    },
  },
  {
    method: 'PUT', pattern: R('/statuses/([^/]+)'), scope: 'admin:write:statuses',
    handler: ({ state, params: [id], body }) => {
      const input = parse(statusUpdate, body);
      const visibility = input.visibility;
      if (visibility !== undefined && !VISIBILITY_SCOPES.includes(visibility)) {
        // Pleroma's ApiSpec RenderError for a value outside the enum (verify wording).
        throw new FakeError(400, {
          error: `${visibility} - Invalid value for enum.`,
          errors: [{ title: 'Invalid value', source: { pointer: '/visibility' }, message: 'Invalid value for enum' }],
        });
      }
      const s = state.statuses.get(id);
      if (!s) throw notFound();
      // CommonAPI.update_activity_scope: sensitive is applied first, then the visibility, which may still fail.
      if (input.sensitive !== undefined) s.sensitive = input.sensitive;
      if (visibility !== undefined) {
        if (!SETTABLE_VISIBILITIES.includes(visibility)) throw new FakeError(400, { error: 'Unsupported visibility' });
        s.visibility = visibility;
      }
      return { json: serializeStatus(state, s) };
    },
  },
  {
    method: 'DELETE', pattern: R('/statuses/([^/]+)'), scope: 'admin:write:statuses',
    handler: ({ state, params: [id] }) => {
      if (!state.statuses.delete(id)) throw notFound();
      return { json: {} };
    },
  },
  {
    method: 'POST', pattern: R('/media_proxy_caches/purge'), scope: 'admin:write:media_proxy_caches',
    handler: ({ state, body }) => {
      const input = parse(purge, body);
      if (input.ban) for (const url of input.urls) state.bannedUrls.add(url);
      return { json: input.urls };
    },
  },
];
