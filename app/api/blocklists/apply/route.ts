import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { applyBlocklist } from '@/lib/blocklists/apply-blocklist';
import { handle, json, parseJson } from '@/lib/http/route';
import { applyOp } from '../schemas';

// The digest is required here (the CLI may omit it): a page must never apply a diff other than the one it showed.
const body = z.strictObject({
  instanceIds: z.array(z.uuid()).min(1, 'Choose at least one instance.').max(200).optional(),
  ops: z.array(applyOp).min(1, 'Choose at least one kind of change.').optional(),
  digest: z.string().min(1, 'Open the preview before applying.').max(200),
});

export async function POST(req: Request) {
  return handle(async () => {
    // Federation access is checked by the verb (read fresh from the database).
    const actor = await requireApiActor(req, 'moderator');
    const input = await parseJson(req, body);
    return json(await applyBlocklist({ ctx: { actor }, input }), { status: 201 });
  });
}
