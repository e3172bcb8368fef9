import { requireApiActor } from '@/lib/auth/current-actor';
import { claimSubject } from '@/lib/claims/claim-subject';
import { claimSubjectSchema } from '@/lib/claims/claim-input';
import { listClaims } from '@/lib/claims/list-claims';
import { releaseClaim } from '@/lib/claims/release-claim';
import { handle, json, parseJson } from '@/lib/http/route';

/** GET ?subjectType=report&keys=a,b: the live claims on those subjects. */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const q = new URL(req.url).searchParams;
    const keys = (q.get('keys') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
    return json(await listClaims({ ctx: { actor }, input: { subjectType: q.get('subjectType'), keys } }));
  });
}

/** Claim or heartbeat. A viewer gets the current holder back and claims nothing (viewers only read). */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json(await claimSubject({ ctx: { actor }, input: await parseJson(req, claimSubjectSchema) }));
  });
}

export async function DELETE(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json(await releaseClaim({ ctx: { actor }, input: await parseJson(req, claimSubjectSchema) }));
  });
}
