/**
 * Browser-side shapes and calls for the bank pages. Responses are parsed with zod, never cast: the pages only
 * render what matches these schemas. Dates and BigInt ids arrive as strings (toJsonSafe on the server).
 */
import { z } from 'zod';

export const runMatchSchema = z.object({
  mediaId: z.string(), instanceName: z.string(), mediaType: z.string(), signalType: z.string(), distance: z.number(),
  entryLabel: z.string().nullable(), matchedAt: z.string(), reportId: z.string().nullable(), caseId: z.string().nullable(), caseNumber: z.number().nullable(),
});
export type RunMatch = z.infer<typeof runMatchSchema>;

export const runSchema = z.object({
  id: z.string(), status: z.string(), total: z.number(), done: z.number(), matched: z.number(),
  error: z.string().nullable(), createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
  /** Only on the bank's own page (lib/banks/list-run-matches.ts); null for a run that never started. */
  matches: z.object({ items: z.array(runMatchSchema), count: z.number(), capped: z.boolean() }).nullable().optional(),
});
export type Run = z.infer<typeof runSchema>;

const counts = { entries: z.object({ pdq: z.number(), md5: z.number(), sha256: z.number() }), disabledEntries: z.number() };
const bankBase = {
  id: z.string(), name: z.string(), kind: z.enum(['match', 'allow']), label: z.string().nullable(), severity: z.number(),
  description: z.string(), enabled: z.boolean(), createdAt: z.string(),
};

export const bankSummarySchema = z.object({ ...bankBase, ...counts, latestRun: runSchema.nullable() });
export type BankSummary = z.infer<typeof bankSummarySchema>;
export const bankListSchema = z.object({ banks: z.array(bankSummarySchema) });

export const entrySchema = z.object({
  id: z.string(), signalType: z.enum(['pdq', 'md5', 'sha256']), value: z.string(), label: z.string().nullable(),
  provenance: z.unknown(), enabled: z.boolean(), createdAt: z.string(),
});
export type Entry = z.infer<typeof entrySchema>;

export const bankDetailSchema = z.object({
  bank: z.object({ ...bankBase, ...counts }),
  entries: z.array(entrySchema),
  nextCursor: z.string().nullable(),
  runs: z.array(runSchema),
});
export type BankDetail = z.infer<typeof bankDetailSchema>;

export const importSummarySchema = z.object({
  file: z.string(), accepted: z.number(), inserted: z.number(), duplicates: z.number(), rejected: z.number(),
  rejectedLines: z.array(z.object({ line: z.number(), text: z.string(), reason: z.string() })),
  rematchRunId: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** Rematching is "live" while a run waits or works; pages poll only then. */
export function isActive(run: Run | null | undefined): boolean {
  return run?.status === 'queued' || run?.status === 'running';
}

const errorBody = z.object({ error: z.object({ message: z.string() }) });

export async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const raw: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new Error(errorBody.safeParse(raw).data?.error.message ?? `Request failed (${res.status})`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error('The server sent an unexpected answer.');
  return parsed.data;
}

/** Multipart upload (sendJson only speaks JSON). */
export async function postForm<T>(url: string, body: FormData, schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin' });
  const raw: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new Error(errorBody.safeParse(raw).data?.error.message ?? `Request failed (${res.status})`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error('The server sent an unexpected answer.');
  return parsed.data;
}
