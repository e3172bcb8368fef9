/** The /api/v3/ routes the connector uses (instance-apis.md §3); a 1.0 fake serves them too. Purges: routes-purge.ts; images: routes-media.ts. */
import { z } from 'zod';
import { loginHandler, parse, positiveInt } from './route-helpers';
import { FakeError, type Route } from './route-types';
import { serializePerson, serializeReport } from './serialize';
import type { FakeLemmyState, ReportType } from './state';

const V3 = (path: string) => new RegExp(`^/api/v3${path}$`);

const LISTS: Array<[string, ReportType, string]> = [
  ['post', 'post', 'post_reports'], ['comment', 'comment', 'comment_reports'], ['private_message', 'pm', 'private_message_reports'],
];

const resolve = z.object({ report_id: z.number().int(), resolved: z.boolean() });
const ban = z.object({ person_id: z.number().int(), ban: z.boolean(), reason: z.string().optional(), remove_data: z.boolean().optional() });
const site = z.object({ blocked_instances: z.array(z.string()).optional() }).passthrough();

export const apiRoutes: Route[] = [
  {
    method: 'POST', pattern: V3('/user/login'),
    handler: ({ state, body }) => loginHandler(state, body),
  },
  {
    // Optional login: without a valid JWT, 0.19 answers anonymously (no my_user) instead of refusing.
    method: 'GET', pattern: V3('/site'),
    handler: ({ state, viewer }) => ({
      json: {
        site_view: { site: { id: 1, name: `Fake Lemmy (${state.domain})`, actor_id: `https://${state.domain}/` } },
        version: state.version, admins: [],
        ...(viewer ? { my_user: { local_user_view: { person: serializePerson(state, viewer), local_user: { id: 1, admin: viewer.admin } } } } : {}),
      },
    }),
  },
  {
    method: 'PUT', pattern: V3('/site'), auth: 'admin', destructive: true,
    handler: ({ state, body }) => {
      const input = parse(site, body);
      // Lemmy replaces the whole list with what it is given: that is why the connector must merge.
      if (input.blocked_instances) state.blockedInstances = [...input.blocked_instances];
      return { json: { site_view: { site: { id: 1, name: state.domain } } } };
    },
  },
  {
    method: 'GET', pattern: V3('/federated_instances'),
    handler: ({ state }) => ({
      json: { federated_instances: { linked: [], allowed: [], blocked: state.blockedInstances.map((domain) => ({ id: state.instanceId(domain), domain, published: '2025-01-01T00:00:00Z' })) } },
    }),
  },
  ...LISTS.map(([path, type, key]): Route => ({
    method: 'GET', pattern: V3(`/${path}/report/list`), auth: type === 'pm' ? 'admin' : 'user',
    handler: ({ state, query }) => {
      const page = positiveInt(query.page, 1, 1_000_000);
      const limit = positiveInt(query.limit, 20);
      const all = state.reportsOf(type).filter((r) => query.unresolved_only !== 'true' || !r.resolved);
      return { json: { [key]: all.slice((page - 1) * limit, page * limit).map((r) => serializeReport(state, r)) } };
    },
  })),
  ...LISTS.map(([path, type, key]): Route => ({
    method: 'PUT', pattern: V3(`/${path}/report/resolve`), auth: type === 'pm' ? 'admin' : 'user',
    handler: ({ state, body }) => {
      const input = parse(resolve, body);
      const report = state.reports.get(`${type}:${input.report_id}`);
      if (!report) throw new FakeError(400, 'couldnt_find_report'); // 0.19 is 400 with a not-found code
      report.resolved = input.resolved;
      return { json: { [`${key.slice(0, -1)}_view`]: serializeReport(state, report) } };
    },
  })),
  {
    method: 'POST', pattern: V3('/post/remove'), auth: 'admin', destructive: true,
    handler: ({ state, body }) => {
      const input = parse(z.object({ post_id: z.number().int(), removed: z.boolean(), reason: z.string().optional() }), body);
      const post = state.posts.get(input.post_id);
      if (!post) throw new FakeError(400, 'couldnt_find_post');
      post.removed = input.removed;
      return { json: { post_view: { post: { id: post.id, removed: post.removed } } } };
    },
  },
  {
    method: 'POST', pattern: V3('/comment/remove'), auth: 'admin', destructive: true,
    handler: ({ state, body }) => {
      const input = parse(z.object({ comment_id: z.number().int(), removed: z.boolean(), reason: z.string().optional() }), body);
      const comment = state.comments.get(input.comment_id);
      if (!comment) throw new FakeError(400, 'couldnt_find_comment');
      comment.removed = input.removed;
      return { json: { comment_view: { comment: { id: comment.id, removed: comment.removed } } } };
    },
  },
  {
    method: 'POST', pattern: V3('/user/ban'), auth: 'admin', destructive: true,
    handler: ({ state, body }) => {
      const input = parse(ban, body);
      const p = state.persons.get(input.person_id);
      if (!p) throw new FakeError(400, 'couldnt_find_person');
      p.banned = input.ban;
      return { json: { person_view: { person: serializePerson(state, p) }, banned: p.banned } };
    },
  },
];
