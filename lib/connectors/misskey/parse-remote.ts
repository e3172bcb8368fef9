/** Misskey's strict parser and broken-item ids; the other hostile-input helpers are shared by every connector. */
import { remoteParser } from '../shared/parse-remote';

export { formatIssues, safeId } from '../shared/parse-remote';

export const parseRemote = remoteParser('Misskey');

/** Misskey ids are strings; a numeric id in a broken item is not Misskey's, so it is not reported as one. */
export function rawId(raw: unknown): string | null {
  if (!raw || typeof raw !== 'object') return null;
  const id = (raw as Record<string, unknown>).id;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}
