/** Request shapes shared by the blocklist routes (zod at the boundary; the verbs parse again). */
import { z } from 'zod';

export const sourceFormat = z.enum(['auto', 'mastodon_csv', 'plain', 'mastodon_json']);
export const refreshMinutes = z.number().int().min(5, 'Refresh at most every 5 minutes.').max(10_080, 'Refresh at least once a week.');
export const idParams = z.object({ id: z.uuid() });
export const applyOp = z.enum(['add', 'raise', 'lower', 'update', 'remove']);

/** `?instance=a&instance=b` → ids; none → undefined (every visible instance). */
export function instanceIdsFrom(req: Request): string[] | undefined {
  const ids = new URL(req.url).searchParams.getAll('instance');
  return ids.length ? z.array(z.uuid()).max(200).parse(ids) : undefined;
}
