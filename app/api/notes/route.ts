import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { addTeamNote } from '@/lib/notes/add-team-note';
import { listTeamNotes } from '@/lib/notes/list-team-notes';
import { noteBody, teamNoteSubjectType } from '@/lib/notes/note-input';

const query = z.object({ subjectType: teamNoteSubjectType, subjectKey: z.string({ message: 'Say which subject.' }).min(1, 'Say which subject.').max(400) });
const body = z.object({ subjectType: teamNoteSubjectType, subjectKey: z.string().min(1, 'Say which subject.').max(400), body: noteBody }).strict();

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const sp = new URL(req.url).searchParams;
    const input = query.parse({ subjectType: sp.get('subjectType') ?? undefined, subjectKey: sp.get('subjectKey') ?? undefined });
    return json({ notes: await listTeamNotes({ ctx: { actor }, input }) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const input = await parseJson(req, body);
    return json(await addTeamNote({ ctx: { actor }, input }), { status: 201 });
  });
}
