/**
 * POST /api/v{3,4}/admin/purge/{person,post,comment} (instance-apis.md §3). Admin only; answer {success:true}.
 * v3 (0.19): `reason` optional, a missing item is 400 couldnt_find_<thing>. v4 (1.0): `reason` is a required
 * string (PurgePost/PurgeComment/PurgePerson in 1.0's db_views api.rs), a missing item is 404 not_found.
 * Purging an admin is refused with 400 not_higher_admin (LocalUser::is_higher_admin_check; the fake has one
 * admin, so any admin target is refused). **verify** the exact code for that case.
 */
import { z } from 'zod';
import { purgeComment, purgePerson, purgePost } from './purge';
import { parse } from './route-helpers';
import { FakeError, type Route } from './route-types';
import type { FakeLemmyState } from './state';

type Api = 'v3' | 'v4';
type Thing = 'person' | 'post' | 'comment';

const ID_KEY: Record<Thing, string> = { person: 'person_id', post: 'post_id', comment: 'comment_id' };
const PURGE: Record<Thing, (state: FakeLemmyState, id: number) => boolean> = { person: purgePerson, post: purgePost, comment: purgeComment };

function bodySchema(api: Api, thing: Thing) {
  return z.object({ [ID_KEY[thing]]: z.number().int(), reason: api === 'v4' ? z.string() : z.string().optional() });
}

function route(api: Api, thing: Thing): Route {
  return {
    method: 'POST', pattern: new RegExp(`^/api/${api}/admin/purge/${thing}$`), auth: 'admin', destructive: true,
    handler: ({ state, body }) => {
      const id = parse(bodySchema(api, thing), body)[ID_KEY[thing]] as number;
      if (thing === 'person' && state.persons.get(id)?.admin) throw new FakeError(400, 'not_higher_admin');
      if (!PURGE[thing](state, id)) throw api === 'v4' ? new FakeError(404, 'not_found') : new FakeError(400, `couldnt_find_${thing}`);
      return { json: { success: true } };
    },
  };
}

export const purgeRoutes: Route[] = (['v3', 'v4'] as const).flatMap((api) => (['person', 'post', 'comment'] as const).map((thing) => route(api, thing)));
