/**
 * Misskey reports carry no note references: reporters paste note URLs into the free-text comment (the report
 * form pre-fills "Note: https://host/notes/<id>"). Only notes on this instance can be fetched with notes/show,
 * so links to other hosts are left in the comment for the moderator to follow.
 */
const NOTE_URL = /https?:\/\/[^\s<>"'()[\]]+\/notes\/[A-Za-z0-9_-]{1,64}/g;
/** A hostile comment could list thousands of links; each costs a request. */
export const MAX_NOTE_LINKS = 10;

export function extractLocalNoteIds(comment: string, baseUrl: string): string[] {
  const base = new URL(baseUrl);
  const ids: string[] = [];
  for (const match of comment.matchAll(NOTE_URL)) {
    let url: URL;
    try {
      url = new URL(match[0]);
    } catch {
      continue;
    }
    const m = /^\/notes\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname);
    if (!m || url.host !== base.host || ids.includes(m[1])) continue;
    ids.push(m[1]);
    if (ids.length >= MAX_NOTE_LINKS) break;
  }
  return ids;
}
