import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { setFederationAccess } from '@/lib/users/set-federation-access';

const body = z.strictObject({ granted: z.boolean() });

/** Owners and admins grant or revoke applying blocklists to servers (the verb applies the team rules and audits it). */
export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const userId = z.uuid().parse((await params).id);
    const { granted } = await parseJson(req, body);
    return json(await setFederationAccess({ ctx: { actor }, input: { userId, granted } }));
  });
}
