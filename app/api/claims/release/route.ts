/** The release for navigator.sendBeacon, which can only POST: the page is going away (pagehide). */
import { requireApiActor } from '@/lib/auth/current-actor';
import { claimSubjectSchema } from '@/lib/claims/claim-input';
import { releaseClaim } from '@/lib/claims/release-claim';
import { handle, json, parseJson } from '@/lib/http/route';

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json(await releaseClaim({ ctx: { actor }, input: await parseJson(req, claimSubjectSchema) }));
  });
}
