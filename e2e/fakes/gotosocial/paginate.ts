/**
 * GoToSocial's id paging over ULIDs (which sort as strings). Unlike Mastodon, GoToSocial sends rel="next"
 * whenever a page has items, so a client learns it reached the end from an empty page.
 */
import { str, type Params } from '../mastodon/http';

const ULID = /^[0-9A-Z]{26}$/;

export function paginate<T extends { id: string }>(newestFirst: T[], query: Params, url: string, keepKeys: string[]) {
  const parsed = Number.parseInt(str(query.limit) ?? '', 10);
  const limit = Number.isFinite(parsed) && parsed > 0 ? Math.min(parsed, 100) : 20;
  const id = (key: string) => (ULID.test(str(query[key]) ?? '') ? str(query[key])! : null);
  const [maxId, sinceId, minId] = [id('max_id'), id('since_id'), id('min_id')];
  let items = newestFirst.filter((r) => maxId === null || r.id < maxId);
  if (minId !== null) items = items.filter((r) => r.id > minId).reverse().slice(0, limit).reverse();
  else items = items.filter((r) => sinceId === null || r.id > sinceId).slice(0, limit);
  const keep = new URLSearchParams({ limit: String(limit) });
  for (const key of keepKeys) if (str(query[key]) !== undefined) keep.set(key, str(query[key])!);
  const link = (key: string, value: string, rel: string) => {
    const q = new URLSearchParams(keep);
    q.set(key, value);
    return `<${url}?${q.toString()}>; rel="${rel}"`;
  };
  const links = items.length
    ? [link('max_id', items[items.length - 1].id, 'next'), link('min_id', items[0].id, 'prev')].join(', ')
    : null;
  return { items, link: links };
}
