import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { readJson } from '@/lib/http/read-body';
import { handle, json } from '@/lib/http/route';
import { listReportActions } from '@/lib/actions/list-report-actions';
import { holdSecondsSchema, requestAction } from '@/lib/actions/request-action';

type Params = { params: Promise<{ id: string }> };
const id = z.string().uuid();
/** The body is the action itself; `holdSeconds` rides along (the action schema ignores it). */
const hold = z.object({ holdSeconds: holdSecondsSchema });

export async function GET(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json(await listReportActions({ ctx: { actor }, input: { reportId: id.parse((await params).id) } }));
  });
}

export async function POST(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const body = await readJson(req);
    const { holdSeconds } = hold.parse(body);
    return json(await requestAction({ ctx: { actor }, input: { reportId: id.parse((await params).id), action: body, holdSeconds } }), { status: 202 });
  });
}
