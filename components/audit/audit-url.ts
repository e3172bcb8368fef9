/**
 * The audit page keeps its filters in the URL as the admin typed them (dates as the browser's local days).
 * Only the browser knows its time zone, so it turns those days into exact instants for the API and exports.
 */
export interface AuditUrlFilters {
  actor: string;
  action: string;
  instanceId: string;
  from: string;
  to: string;
}

const KEYS = ['actor', 'action', 'instanceId', 'from', 'to'] as const;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function readUrlFilters(sp: URLSearchParams): AuditUrlFilters {
  const f = { actor: '', action: '', instanceId: '', from: '', to: '' };
  for (const k of KEYS) f[k] = (sp.get(k) ?? '').trim();
  // A malformed day in a hand-edited link is dropped rather than sent on as an API error.
  if (!DAY.test(f.from)) f.from = '';
  if (!DAY.test(f.to)) f.to = '';
  return f;
}

export function pageSearch(f: AuditUrlFilters): string {
  const sp = new URLSearchParams();
  for (const k of KEYS) if (f[k]) sp.set(k, f[k]);
  return sp.toString();
}

/** Local midnight at the start of `day`, or the last millisecond of it for the inclusive `to`. */
function localInstant(day: string, endOfDay: boolean): string | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endOfDay ? 1 : 0));
  return new Date(start.getTime() - (endOfDay ? 1 : 0)).toISOString();
}

export function apiParams(f: AuditUrlFilters): URLSearchParams {
  const sp = new URLSearchParams();
  if (f.actor) sp.set('actor', f.actor);
  if (f.action) sp.set('action', f.action);
  if (f.instanceId) sp.set('instanceId', f.instanceId);
  const from = f.from ? localInstant(f.from, false) : null;
  const to = f.to ? localInstant(f.to, true) : null;
  if (from) sp.set('from', from);
  if (to) sp.set('to', to);
  return sp;
}

export function hasFilters(f: AuditUrlFilters): boolean {
  return KEYS.some((k) => f[k] !== '');
}

/**
 * A backwards range is refused before any query: it would match nothing, and an empty audit list reads as
 * "nothing happened", which is a claim. Days compare as text (YYYY-MM-DD sorts by date).
 */
export function dateRangeError(f: Pick<AuditUrlFilters, 'from' | 'to'>): string | null {
  if (f.from && f.to && f.from > f.to) return `"From" (${f.from}) is after "To" (${f.to}): pick a "To" on or after the "From" day.`;
  return null;
}
