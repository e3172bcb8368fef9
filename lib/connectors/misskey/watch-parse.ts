/**
 * Watch lists (issue 14): Misskey notes as a watch scan reads them (Note with its UserLite `user`, misskey-js
 * autogen types). Each note is parsed on its own: a malformed one becomes a SkippedItem and the rest land. A pure
 * renote (renoteId set, no text, no files) says nothing of its own: it is left out, not skipped as an error.
 */
import { z } from 'zod';
import type { RemotePost } from '../watch-types';
import { keepPost, skipItem, type PostSink } from '../shared/watch-post-items';
import { idSchema, noteSchema, userSchema } from './api-types';
import { mapNote, mapUser } from './mapper';
import { formatIssues, rawId } from './parse-remote';

export const watchNoteSchema = noteSchema.extend({
  user: userSchema,
  // Misskey sends `tags` only when the note has hashtags (the field is optional in the packed Note).
  tags: z.array(z.string()).nullish().catch(null),
  renoteId: idSchema.nullish().catch(null),
});
export type WatchNote = z.infer<typeof watchNoteSchema>;

export function mapWatchNote(n: WatchNote, baseUrl: string): RemotePost {
  return { ...mapNote(n, baseUrl), account: mapUser(n.user, baseUrl), tags: n.tags ?? [] };
}

/** One page of raw notes → posts newest first, skips, and the cursor (the newest id seen, skipped ones included). */
export function parseNotePage(raw: unknown[], baseUrl: string, since: string | null): { items: RemotePost[]; skipped: PostSink['skipped']; newest: string | null } {
  const sink: PostSink = { items: [], skipped: [] };
  for (const item of raw) {
    const parsed = watchNoteSchema.safeParse(item);
    if (!parsed.success) {
      sink.skipped.push(skipItem(rawId(item), formatIssues(parsed.error), item));
      continue;
    }
    const n = parsed.data;
    // A server that ignores sinceId would hand back what was already seen.
    if (since !== null && n.id <= since) continue;
    if (n.renoteId && !n.text && (n.files ?? []).length === 0) continue;
    keepPost(sink, mapWatchNote(n, baseUrl), item);
  }
  // Misskey ids of one server share a format and sort by time, so the greatest string is the newest note.
  const ids = raw.map(rawId).filter((id): id is string => id !== null && idSchema.safeParse(id).success);
  const newest = ids.reduce<string | null>((max, id) => (max === null || id > max ? id : max), null);
  sink.items.sort((a, b) => (a.remoteId < b.remoteId ? 1 : a.remoteId > b.remoteId ? -1 : 0));
  return { ...sink, newest: newest !== null && since !== null && newest <= since ? null : newest };
}
