/**
 * The fake Misskey's federated copy of the shared known-bad post (../federation/known-bad.ts), recorded the way
 * Misskey records a remote note: the remote user spreader@spreader.test, a note whose `uri`/`url` are the origin's,
 * and one drive file owned by that user whose `uri` is the origin media URL. The file is cached (isLink false), so
 * its own `url` points at this server, which serves the known-bad bytes.
 */
import { KNOWN_BAD, type FederatedCopyOptions } from '../federation/known-bad';
import type { FakeNote } from './entities';
import { addUser } from './seed';
import type { FakeMisskeyState } from './state';

export function seedKnownBad(state: FakeMisskeyState, opts: FederatedCopyOptions): FakeNote {
  const user = addUser(state, { username: KNOWN_BAD.account.username, host: KNOWN_BAD.originDomain, uri: KNOWN_BAD.account.uri });
  user.name = KNOWN_BAD.account.displayName;
  const f = state.nextId();
  state.files.set(f.id, {
    id: f.id, createdAt: f.createdAt, userId: user.id, name: 'known-bad.png', type: opts.variant === 'reencoded-rotated' ? 'image/jpeg' : 'image/png',
    width: KNOWN_BAD.media.width, height: KNOWN_BAD.media.height, imageSeed: 0, comment: KNOWN_BAD.media.description, isSensitive: false,
    uri: KNOWN_BAD.media.originUrl, isLink: false, knownBad: opts.variant ?? 'original',
  });
  const n = state.nextId();
  const note: FakeNote = {
    id: n.id, createdAt: n.createdAt, userId: user.id, text: 'Synthetic known-bad test pattern (harmless; used to exercise cases).', cw: null,
    visibility: 'public', fileIds: [f.id], uri: KNOWN_BAD.post.uri, url: KNOWN_BAD.post.url,
  };
  state.notes.set(note.id, note);
  if (opts.reported) {
    // A local user reports it from this server's UI, which pre-fills the comment with the note's LOCAL link.
    const r = state.nextId();
    state.reports.set(r.id, {
      id: r.id, createdAt: r.createdAt, comment: `${KNOWN_BAD.reportComment}\nNote: ${state.noteUrl(note.id)}`, reporterId: state.localIds[0] ?? state.adminId,
      targetUserId: user.id, assigneeId: null, resolved: false, resolvedAs: null, forwarded: false, moderationNote: '',
    });
  }
  return note;
}
