import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { extendRetention } from '@/lib/evidence/extend-retention';
import { listEvidenceItems } from '@/lib/evidence/list-evidence-items';
import { setLegalHold } from '@/lib/evidence/set-legal-hold';
import { handle, json, parseJson } from '@/lib/http/route';
import { evidenceReason } from '@/components/cases/evidence-rules';

const params = z.object({ evidenceId: z.uuid() });
// One change per call: a new retention date (later only; the verb checks), or a legal hold placed or lifted.
const patchBody = z.union([
  z.object({ retainUntil: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ hold: z.boolean(), reason: evidenceReason }).strict(),
]);

/** The seal's item list (names, sizes, hashes; no bytes) for "Open items…". The verb checks the evidence permission. */
export async function GET(req: Request, ctx: { params: Promise<{ evidenceId: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { evidenceId } = params.parse(await ctx.params);
    return json(await listEvidenceItems({ ctx: { actor }, input: { evidenceId } }));
  });
}

/** Admins: extend retention or set the legal hold (both audited by the verbs). Answers { ok: true }. */
export async function PATCH(req: Request, ctx: { params: Promise<{ evidenceId: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { evidenceId } = params.parse(await ctx.params);
    const b = await parseJson(req, patchBody);
    if ('retainUntil' in b) await extendRetention({ ctx: { actor }, input: { evidenceId, retainUntil: new Date(b.retainUntil) } });
    else await setLegalHold({ ctx: { actor }, input: { evidenceId, hold: b.hold, reason: b.reason } });
    return json({ ok: true });
  });
}
