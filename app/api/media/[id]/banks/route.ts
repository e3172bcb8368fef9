import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { addMediaToBank, addMediaToBankInput } from '@/lib/banks/add-media-to-bank';
import { handle, json, parseJson } from '@/lib/http/route';

type Params = { params: Promise<{ id: string }> };
const id = z.uuid();
const body = addMediaToBankInput.omit({ mediaId: true });

/** "Add this media to a bank" from a report. The verb checks the media's instance against the moderator. */
export async function POST(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const input = await parseJson(req, body);
    return json(await addMediaToBank({ ctx: { actor }, input: { ...input, mediaId: id.parse((await params).id) } }), { status: 201 });
  });
}
