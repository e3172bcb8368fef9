import { handle, json } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { registrationOptions } from '@/lib/auth/passkeys/registration-options';

/** Registration options for a new passkey (open to someone who must still enrol a second factor). */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    return json(await registrationOptions({ ctx: { actor } }));
  });
}
