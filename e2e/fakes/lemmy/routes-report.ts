/**
 * Opening a report: POST {v3,v4}/post/report {post_id, reason} and /comment/report {comment_id, reason}, checked
 * as Lemmy's create handlers check them (check_report_reason: report_reason_required / report_too_long over 1000
 * characters; a removed or deleted item is `deleted`). The report is the JWT's account's (the admin here), lands in
 * the same tables the report lists read, and answers {post_report_view} / {comment_report_view}.
 */
import { z } from 'zod';
import { parse } from './route-helpers';
import { FakeError, type Route } from './route-types';
import { serializeReport } from './serialize';
import { serializeReportViewV4 } from './serialize-v4';
import type { FakeLemmyState, FakePerson, FakeReport } from './state';

const REASON_MAX = 1000;
const postReport = z.object({ post_id: z.number().int(), reason: z.string(), violates_instance_rules: z.boolean().optional() });
const commentReport = z.object({ comment_id: z.number().int(), reason: z.string(), violates_instance_rules: z.boolean().optional() });

type Api = 'v3' | 'v4';

function checkReason(reason: string): void {
  if (reason.length === 0) throw new FakeError(400, 'report_reason_required');
  if ([...reason].length > REASON_MAX) throw new FakeError(400, 'report_too_long');
}

/** 0.19 names the missing row (couldnt_find_post); 1.0 answers NotFound as 404. */
function missing(api: Api, what: 'post' | 'comment'): FakeError {
  return api === 'v4' ? new FakeError(404, 'not_found') : new FakeError(400, `couldnt_find_${what}`);
}

function store(state: FakeLemmyState, type: 'post' | 'comment', creator: FakePerson, objectId: number, reason: string): FakeReport {
  const report: FakeReport = { type, id: state.nextId(`report:${type}`), creatorId: creator.id, objectId, reason, resolved: false, published: state.tick() };
  state.reports.set(`${type}:${report.id}`, report);
  return report;
}

function routesFor(api: Api): Route[] {
  const path = (p: string) => new RegExp(`^/api/${api}${p}$`);
  const view = (state: FakeLemmyState, r: FakeReport) => (api === 'v4' ? serializeReportViewV4(state, r) : serializeReport(state, r));
  return [
    {
      method: 'POST', pattern: path('/post/report'), auth: 'user',
      handler: ({ state, body, viewer }) => {
        const input = parse(postReport, body);
        checkReason(input.reason);
        const post = state.posts.get(input.post_id);
        if (!post) throw missing(api, 'post');
        if (post.removed || post.deleted) throw new FakeError(400, 'deleted');
        return { json: { post_report_view: view(state, store(state, 'post', viewer!, post.id, input.reason)) } };
      },
    },
    {
      method: 'POST', pattern: path('/comment/report'), auth: 'user',
      handler: ({ state, body, viewer }) => {
        const input = parse(commentReport, body);
        checkReason(input.reason);
        const comment = state.comments.get(input.comment_id);
        if (!comment) throw missing(api, 'comment');
        if (comment.removed || comment.deleted) throw new FakeError(400, 'deleted');
        return { json: { comment_report_view: view(state, store(state, 'comment', viewer!, comment.id, input.reason)) } };
      },
    },
  ];
}

export const reportRoutes: Route[] = [...routesFor('v3'), ...routesFor('v4')];
