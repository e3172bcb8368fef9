import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { normalizeSubjectKey, subjectTypeSchema } from '@/lib/notes/subject';
import { addTags, removeTags } from '@/lib/tags/change-tags';
import { listKnownTags } from '@/lib/tags/list-known-tags';
import { getSubjectTags } from '@/lib/tags/subject-tags';
import { tagsFor } from '@/lib/tags/tags-for';

const body = z.object({
  subjectType: subjectTypeSchema,
  subjectKeys: z.array(z.string().max(400)).min(1, 'Choose at least one item.').max(200, 'At most 200 items at once.'),
  add: z.array(z.string().max(200)).max(10, 'At most 10 tags at once.').optional(),
  remove: z.array(z.string().max(200)).max(10, 'At most 10 tags at once.').optional(),
}).strict().refine((b) => (b.add?.length ?? 0) + (b.remove?.length ?? 0) > 0, { message: 'Give a tag to add or remove.' });

/** With ?subjectType&subjectKey: that subject's tags; without: the team's known tags with counts. */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const sp = new URL(req.url).searchParams;
    if (!sp.has('subjectType') && !sp.has('subjectKey')) return json({ tags: await listKnownTags({ ctx: { actor } }) });
    return json({ tags: await getSubjectTags({ ctx: { actor }, input: { subjectType: sp.get('subjectType') ?? '', subjectKey: sp.get('subjectKey') ?? '' } }) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const b = await parseJson(req, body);
    const ctx = { actor };
    const added = b.add?.length ? (await addTags({ ctx, input: { subjectType: b.subjectType, subjectKeys: b.subjectKeys, tags: b.add } })).added : 0;
    const removed = b.remove?.length ? (await removeTags({ ctx, input: { subjectType: b.subjectType, subjectKeys: b.subjectKeys, tags: b.remove } })).removed : 0;
    const tags = await tagsFor(b.subjectType, b.subjectKeys.map((k) => normalizeSubjectKey(b.subjectType, k)));
    return json({ added, removed, tags: Object.fromEntries(tags) });
  });
}
