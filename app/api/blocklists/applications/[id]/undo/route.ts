import { requireApiActor } from '@/lib/auth/current-actor';
import { undoApplication } from '@/lib/blocklists/undo-application';
import { handle, json } from '@/lib/http/route';
import { idParams } from '../../../schemas';

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = idParams.parse(await params);
    return json(await undoApplication({ ctx: { actor }, input: { applicationId: id } }), { status: 201 });
  });
}
