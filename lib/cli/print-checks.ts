/** The connection checks of `instances add`, one line each, so "see the checks below" has something below it. */
import { z } from 'zod';

const checksSchema = z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() }));

export function checkLines(checks: unknown): string[] {
  const parsed = checksSchema.safeParse(checks);
  if (!parsed.success) return [];
  return parsed.data.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`);
}

/** The checks an AppError carries in publicData (add-instance puts the whole VerifyResult there). */
export function checksFromError(e: unknown): unknown {
  const parsed = z.object({ publicData: z.object({ checks: z.object({ checks: z.unknown() }) }) }).safeParse(e);
  return parsed.success ? parsed.data.publicData.checks.checks : undefined;
}
