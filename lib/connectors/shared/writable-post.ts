/**
 * The exit check for watch posts (issue 14), like toWritableReport for reports (contract I5): whatever leaves a
 * connector as a RemotePost can be written to Postgres as is. The status and its author go through the same
 * cleaning as a reported status; tags and links are capped, and a post without a usable id fails.
 */
import type { RemotePost } from '../watch-types';
import { SAFE_ID } from './remote-schemas';
import { cleanText, LIMITS, writableAccount, writableStatus } from './writable-report';

const MAX_TAGS = 50;
const MAX_TAG = 100;
const MAX_LINKS = 50;

export type WritablePost = { ok: true; post: RemotePost } | { ok: false; error: string };

export function toWritablePost(p: RemotePost): WritablePost {
  // Some kinds prefix ids the way their report mappers do (Lemmy `post:12`), so a watched post and a reported one match.
  if (!SAFE_ID.test(p.remoteId.replace(/:/g, '_'))) return { ok: false, error: 'id: not an id' };
  const status = writableStatus(p);
  const tags = [...new Set(p.tags.map((t) => cleanText(t, MAX_TAG + 1).trim()).filter((t) => t.length > 0 && t.length <= MAX_TAG))];
  const out: RemotePost = { ...status, account: writableAccount(p.account), tags: tags.slice(0, MAX_TAGS) };
  if (p.links !== undefined) {
    out.links = p.links.map((l) => cleanText(l, LIMITS.url + 1)).filter((l) => l.length > 0 && l.length <= LIMITS.url).slice(0, MAX_LINKS);
  }
  return { ok: true, post: out };
}
