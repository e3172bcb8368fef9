/**
 * What a reported item is called on its server. Statuses are one model here, but a Lemmy report points at a post or
 * a comment, a PeerTube report at a video or a comment, a Misskey one at a note: the page uses the server's word.
 * The connectors' remoteId shapes tell them apart (lib/connectors/lemmy and peertube mappers).
 */
export interface ItemNoun { one: string; many: string }

const STATUS: ItemNoun = { one: 'Status', many: 'statuses' };
const POST: ItemNoun = { one: 'Post', many: 'posts' };
const COMMENT: ItemNoun = { one: 'Comment', many: 'comments' };
const VIDEO: ItemNoun = { one: 'Video', many: 'videos' };
const NOTE: ItemNoun = { one: 'Note', many: 'notes' };

export function itemNoun(kind: string, remoteId: string): ItemNoun {
  switch (kind) {
    case 'lemmy': return remoteId.startsWith('comment:') ? COMMENT : POST;
    case 'peertube': return remoteId.startsWith('comment-') ? COMMENT : remoteId.startsWith('video-') ? VIDEO : STATUS;
    case 'misskey': return NOTE;
    default: return STATUS;
  }
}

/** The section heading's plural: one word when every item is the same kind, "posts and comments" otherwise. */
export function itemsHeading(kind: string, remoteIds: string[]): string {
  const nouns = [...new Map(remoteIds.map((id) => { const n = itemNoun(kind, id); return [n.many, n]; })).values()];
  if (nouns.length === 0) return itemNoun(kind, '').many;
  return nouns.map((n) => n.many).join(' and ');
}
