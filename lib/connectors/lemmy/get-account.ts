/**
 * getAccount on Lemmy: one person read by its numeric id, as the server's own database has it now.
 * - 0.19: GET /api/v3/user?person_id=N (crates/apub/src/api/read_person.rs). Only a `username` is resolved through
 *   webfinger (a fetch); a person_id is read straight from the database. Admins also see deleted persons.
 * - 1.0: GET /api/v4/person?person_id=N (crates/api/api/src/federation/read_person.rs, resolve_person_identifier: the
 *   id is used as is). The ban moved from Person to the view (PersonView.banned).
 * A purged person keeps its row, marked deleted and banned (purge_person → Person::delete_account), so a deleted
 * person is "gone" (null), like one the server does not know (0.19: 400 couldnt_find_person; 1.0: 404 not_found).
 */
import { z } from 'zod';
import { isAppError } from '../../errors';
import { numericIdSchema } from '../shared/remote-schemas';
import type { RemoteAccount } from '../types';
import { V3, V4, type LemmyClient } from './client';
import { mapPerson } from './mapper';
import { parseRemote } from './parse';
import { personId } from './perform';

const text = z.string().max(2000).nullish();
const personSchema = z.object({
  id: numericIdSchema, name: z.string().min(1).max(255), display_name: text, avatar: text, actor_id: text, ap_id: text,
  local: z.boolean().nullish(), banned: z.boolean().nullish(), deleted: z.boolean().nullish(), published: text, published_at: text,
});
const detailsSchema = z.object({ person_view: z.object({ person: personSchema, banned: z.boolean().nullish() }) });

export async function getLemmyAccount(client: LemmyClient, remoteId: string): Promise<RemoteAccount | null> {
  const id = personId(remoteId);
  let data: unknown;
  try {
    // Logged in as the admin, so a deleted (purged) person is returned as deleted instead of looking unknown.
    data =
      client.api === 'v4'
        ? await client.request('GET', `${V4}/person`, { query: { person_id: id } })
        : await client.request('GET', `${V3}/user`, { query: { person_id: id, limit: 1 } });
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
  const view = parseRemote(detailsSchema, data, 'person').person_view;
  const p = view.person;
  if (p.id !== id || p.deleted === true) return null;
  const account = mapPerson({
    id: p.id, name: p.name, display_name: p.display_name, avatar: p.avatar, actor_id: p.ap_id ?? p.actor_id, local: p.local,
    banned: p.banned, published: p.published_at ?? p.published ?? null,
  });
  // 1.0 carries the site ban on the view only; 0.19 on the person.
  const banned = view.banned ?? p.banned;
  return { ...account, suspended: banned ?? undefined };
}
