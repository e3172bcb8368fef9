/**
 * Lemmy 1.0 (API v4) reports: one combined list whose items are tagged on `type_`. Post, comment and private
 * message reports map exactly like v3 (same "post:12" ids, so an instance upgraded from 0.19 does not get its
 * reports twice). Community reports are skipped with a clear error: their target is a community, not an
 * account, and every account action in the dashboard would then be aimed at the person with the community's
 * numeric id.
 */
import type { z } from 'zod';
import type { RemoteReport } from '../types';
import { v4CommentReportViewSchema, v4PmReportViewSchema, v4PostReportViewSchema } from './api-types-v4';
import { mapCommentReport, mapPmReport, mapPostReport, type ReportKind } from './mapper';
import { formatIssues } from './parse';
import { rawTypedId } from './report-types';

export interface V4ReportTypeSpec {
  path: string; // /api/v4/{path}/report/resolve
  typeFilter: string; // ListReports type_ for this kind alone. **verify** snake_case values (doc: posts|comments|private_messages)
  viewKey: string; // resolve answers {<viewKey>: view}
  parse(raw: unknown): { ok: true; report: RemoteReport } | { ok: false; error: string };
}

function spec<T>(path: string, typeFilter: string, viewKey: string, schema: z.ZodType<T>, map: (v: T) => RemoteReport): V4ReportTypeSpec {
  return {
    path, typeFilter, viewKey,
    parse: (raw) => {
      const r = schema.safeParse(raw);
      return r.success ? { ok: true, report: map(r.data) } : { ok: false, error: formatIssues(r.error) };
    },
  };
}

export const V4_REPORT_TYPES: Record<ReportKind, V4ReportTypeSpec> = {
  post: spec('post', 'posts', 'post_report_view', v4PostReportViewSchema, mapPostReport),
  comment: spec('comment', 'comments', 'comment_report_view', v4CommentReportViewSchema, mapCommentReport),
  pm: spec('private_message', 'private_messages', 'private_message_report_view', v4PmReportViewSchema, mapPmReport),
};

export const COMMUNITY_REPORTS_UNSUPPORTED =
  'community reports are not supported: their target is a community, not an account; handle them in Lemmy itself';

/**
 * `type_` values: snake_case in current 1.0 (`#[serde(tag = "type_", rename_all = "snake_case")]`), the Rust
 * variant names ("Post", "PrivateMessage") in early 1.0 alphas. Both are read.
 */
const TAGS: Record<string, ReportKind | 'community'> = {
  post: 'post', Post: 'post', comment: 'comment', Comment: 'comment',
  private_message: 'pm', PrivateMessage: 'pm', community: 'community', Community: 'community',
};

export type CombinedParse =
  | { ok: true; kind: ReportKind; report: RemoteReport }
  | { ok: false; remoteId: string | null; error: string };

export function parseCombinedReport(raw: unknown): CombinedParse {
  const tag = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).type_ : undefined;
  const kind = typeof tag === 'string' && Object.hasOwn(TAGS, tag) ? TAGS[tag] : null;
  // The tag itself is not echoed: it is remote text, and a skip reason never carries remote text.
  if (!kind) return { ok: false, remoteId: null, error: `type_: unknown report type (${typeof tag === 'string' ? 'an unknown name' : `a ${tag === null ? 'null' : typeof tag}`})` };
  if (kind === 'community') return { ok: false, remoteId: communityTypedId(raw), error: COMMUNITY_REPORTS_UNSUPPORTED };
  const r = V4_REPORT_TYPES[kind].parse(raw);
  return r.ok ? { ok: true, kind, report: r.report } : { ok: false, remoteId: rawTypedId(kind, raw), error: r.error };
}

/** The typed id of a raw combined item, best effort, without parsing it. */
export function combinedTypedId(raw: unknown): string | null {
  const tag = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).type_ : undefined;
  const kind = typeof tag === 'string' && Object.hasOwn(TAGS, tag) ? TAGS[tag] : null;
  if (!kind) return null;
  return kind === 'community' ? communityTypedId(raw) : rawTypedId(kind, raw);
}

function communityTypedId(raw: unknown): string | null {
  const inner = (raw as Record<string, unknown>).community_report;
  const id = inner && typeof inner === 'object' ? (inner as Record<string, unknown>).id : null;
  return typeof id === 'number' ? `community:${id}` : null;
}
