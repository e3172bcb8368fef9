import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { fileCase } from '@/lib/filing/file-case';
import { getCaseFilingPanel } from '@/lib/filing/get-filing-panel';
import { handle, json, parseJson } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });
// The hash of the preview the person reviewed: the verb refuses when the report it rebuilds differs.
const body = z.object({ to: z.literal('ncmec'), reportSha256: z.string().regex(/^[0-9a-f]{64}$/, 'reportSha256 must be a SHA-256 hex digest') }).strict();

/** The case's CyberTipline filings and whether the caller may file. Viewers see it too (never credentials). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = params.parse(await ctx.params);
    return json(await getCaseFilingPanel({ ctx: { actor }, input: { caseId: id } }));
  });
}

/** Files the reviewed report (202: the steps run in the background). A second call returns the same filing. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    const input = await parseJson(req, body);
    const out = await fileCase({ ctx: { actor }, input: { caseId: id, to: input.to, reportSha256: input.reportSha256 } });
    return json(out, { status: out.created ? 202 : 200 });
  });
}
