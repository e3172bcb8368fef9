import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { listCases } from '@/lib/cases/list-cases';
import { openCase } from '@/lib/cases/open-case';
import { handle, json, parseJson } from '@/lib/http/route';

const listQuery = z.object({
  state: z.enum(['active', 'open', 'closed', 'all']).default('active'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

// Exactly one of reportId / mediaId: "Open case" on a report or on one media item.
const openBody = z
  .object({ reportId: z.uuid().optional(), mediaId: z.uuid().optional(), title: z.string().trim().min(1).max(200).optional() })
  .strict()
  .refine((b) => (b.reportId === undefined) !== (b.mediaId === undefined), { message: 'Give either a report or a media item.' });

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const input = listQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
    return json(await listCases({ ctx: { actor }, input }));
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const body = await parseJson(req, openBody);
    const opened = await openCase({ ctx: { actor }, input: { ...body, via: body.reportId ? 'report' : 'media' } });
    // An item already in an open case is not an error: the moderator is sent to that case.
    return json(opened, { status: opened.created ? 201 : 200 });
  });
}
