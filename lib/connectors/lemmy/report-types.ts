/** The three Lemmy report tables: their list/resolve paths, envelope, item schema and mapper, in one table. */
import type { z } from 'zod';
import { AppError } from '../../errors';
import type { RemoteReport } from '../types';
import { commentReportViewSchema, listEnvelopes, pmReportViewSchema, postReportViewSchema } from './api-types';
import { mapCommentReport, mapPmReport, mapPostReport, type ReportKind } from './mapper';

export interface ReportTypeSpec {
  path: string; // /api/v3/{path}/report/...
  envelope: z.ZodType<unknown[]>;
  parse(raw: unknown): { ok: true; report: RemoteReport } | { ok: false; error: z.ZodError };
  viewKey: string; // resolve answers {<viewKey>: view}
}

function spec<T>(path: string, envelope: z.ZodType<unknown[]>, schema: z.ZodType<T>, map: (v: T) => RemoteReport, viewKey: string): ReportTypeSpec {
  return {
    path, envelope, viewKey,
    parse: (raw) => {
      const r = schema.safeParse(raw);
      return r.success ? { ok: true, report: map(r.data) } : { ok: false, error: r.error };
    },
  };
}

export const REPORT_TYPES: Record<ReportKind, ReportTypeSpec> = {
  post: spec('post', listEnvelopes.post, postReportViewSchema, mapPostReport, 'post_report_view'),
  comment: spec('comment', listEnvelopes.comment, commentReportViewSchema, mapCommentReport, 'comment_report_view'),
  pm: spec('private_message', listEnvelopes.pm, pmReportViewSchema, mapPmReport, 'private_message_report_view'),
};

export const KINDS: ReportKind[] = ['post', 'comment', 'pm'];

/** "post:12" → {kind:'post', id:12}. Ids go into JSON bodies as numbers, so anything else is refused. */
export function parseTypedId(value: string, allowed: ReportKind[] = KINDS): { kind: ReportKind; id: number } {
  const m = /^(post|comment|pm):(\d{1,12})$/.exec(value);
  if (!m || !allowed.includes(m[1] as ReportKind)) {
    throw new AppError('bad_request', 'Invalid Lemmy id', { userMessage: `Lemmy ids look like ${allowed.map((k) => `"${k}:12"`).join(' or ')}.` });
  }
  return { kind: m[1] as ReportKind, id: Number(m[2]) };
}

/** The raw item's report id with its prefix, best effort, for the skipped list. */
export function rawTypedId(kind: ReportKind, raw: unknown): string | null {
  const key = kind === 'pm' ? 'private_message_report' : `${kind}_report`;
  const inner = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : null;
  const id = inner && typeof inner === 'object' ? (inner as Record<string, unknown>).id : null;
  return typeof id === 'number' ? `${kind}:${id}` : null;
}
