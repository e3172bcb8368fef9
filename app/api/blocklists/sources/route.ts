import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { addSource } from '@/lib/blocklists/sources/add-source';
import { listSources } from '@/lib/blocklists/sources/list-sources';
import { handle, json, parseJson } from '@/lib/http/route';
import { refreshMinutes, sourceFormat } from '../schemas';

// An uploaded list travels as JSON text; the fetcher caps a URL list at 10 MB, so an upload gets the same room.
const UPLOAD_MAX_BYTES = 11 * 1024 * 1024;

const body = z.strictObject({
  name: z.string().trim().max(100).optional(),
  url: z.string().trim().url('Enter the list\'s full URL (https://…).').max(2000).optional(),
  upload: z.strictObject({ filename: z.string().max(255), text: z.string().max(10 * 1024 * 1024, 'The file is larger than 10 MB.') }).optional(),
  format: sourceFormat.optional(),
  trusted: z.boolean().optional(),
  allowPrivate: z.boolean().optional(),
  refreshMinutes: refreshMinutes.optional(),
}).refine((b) => Boolean(b.url) !== Boolean(b.upload), { message: 'Give either a URL or a file, not both.' });

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json({ sources: await listSources({ ctx: { actor } }) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const input = await parseJson(req, body, UPLOAD_MAX_BYTES);
    return json(await addSource({ ctx: { actor }, input }), { status: 201 });
  });
}
