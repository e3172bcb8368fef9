/**
 * A Filing row as the case page, the routes and the CLI show it. What may be done next is decided here, once, from
 * the row: the UI shows the buttons, and the verbs (retry, retract) check the same conditions again.
 */
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { FilingFileView, FilingProblem, FilingView, NcmecEnvironment } from './types';

export type FilingRow = Prisma.FilingGetPayload<{ include: { files: true } }>;

export const filingInclude = { files: { orderBy: { n: 'asc' } } } satisfies Prisma.FilingInclude;

// Text columns: a value this build does not know is shown as the most cautious one (a problem waits for a person).
const problemOf = z.enum(['rejected', 'failed', 'uncertain']).nullable().catch('failed');
const environmentOf = z.enum(['test', 'production', 'custom']).catch('custom');

export function filingView(row: FilingRow): FilingView {
  const problem: FilingProblem | null = problemOf.parse(row.problem);
  const environment: NcmecEnvironment = environmentOf.parse(row.environment);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id, to: 'ncmec', state: row.state, problem, lastError: row.lastError, environment, baseUrl: row.baseUrl,
    reportId: row.reportId, incidentType: row.incidentType, reportSha256: row.reportSha256, requestedBy: row.requestedByLabel,
    createdAt: row.createdAt.toISOString(),
    steps: { submittedAt: iso(row.submittedAt), filesUploadedAt: iso(row.filesUploadedAt), fileInfoAt: iso(row.fileInfoAt), finishedAt: iso(row.finishedAt), retractedAt: iso(row.retractedAt) },
    nextAttemptAt: iso(row.nextAttemptAt),
    files: [...row.files].sort((a, b) => a.n - b.n).map((f): FilingFileView => ({
      id: f.id, fileName: f.fileName, mime: f.mime, bytes: f.bytes, sha256: f.sha256, md5: f.md5, locationUrl: f.locationUrl,
      fileId: f.fileId, uploadedAt: iso(f.uploadedAt), fileInfoAt: iso(f.fileInfoAt), uncertain: f.uploadStartedAt !== null && f.fileId === null,
    })),
    can: {
      // Rejected at submit: the report itself must change, so it goes through a new preview and confirmation.
      retry: problem === 'failed' || problem === 'uncertain' || (problem === 'rejected' && row.state !== 'pending'),
      retract: row.reportId !== null && row.state !== 'finished' && row.state !== 'retracted',
    },
  };
}
