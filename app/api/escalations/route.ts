import { requireApiActor } from '@/lib/auth/current-actor';
import { raiseEscalation } from '@/lib/escalations/raise-escalation';
import { raiseInput } from '@/lib/escalations/escalation-input';
import { getSubjectEscalations, listOpenEscalations } from '@/lib/escalations/list-escalations';
import { handle, json, parseJson } from '@/lib/http/route';

/** With ?subjectType&subjectKey: that subject's escalations (open first); without: every open one I may see. */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const sp = new URL(req.url).searchParams;
    if (!sp.has('subjectType') && !sp.has('subjectKey')) return json({ escalations: await listOpenEscalations({ actor }) });
    return json(await getSubjectEscalations({ ctx: { actor }, input: { subjectType: sp.get('subjectType') ?? '', subjectKey: sp.get('subjectKey') ?? '' } }));
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const input = await parseJson(req, raiseInput);
    const out = await raiseEscalation({ ctx: { actor }, input });
    return json(out, { status: out.created ? 201 : 200 });
  });
}
