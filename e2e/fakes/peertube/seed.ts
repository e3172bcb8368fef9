/** Deterministic seeding: the same seed always yields the same accounts, videos, comments and abuses. */
import { intBetween, pick, type Rng } from '../prng';
import { PREDEFINED_REASONS as PREDEFINED, type AbuseState, type FakeAbuse, type FakeAccount } from './entities';
import type { FakePeerTubeState } from './state';

const LOCAL = ['alice', 'carol', 'dave'];
const REMOTE: [string, string][] = [['bob', 'remote.example'], ['mallory', 'spam.example'], ['trent', 'other.example']];
const REASONS = ['Spam in the description', 'Reupload of my video', 'Hateful comments', 'Misleading thumbnail', ''];

export function seedState(state: FakePeerTubeState, abuses: number): void {
  addAccount(state, state.auth.username, null);
  for (const name of LOCAL) addAccount(state, name, null);
  for (const [name, host] of REMOTE) addAccount(state, name, host);
  for (let i = 0; i < abuses; i++) addAbuse(state, {});
}

function addAccount(state: FakePeerTubeState, name: string, host: string | null): void {
  const id = state.nextId();
  state.accounts.set(id, { id, name, host, displayName: name.toUpperCase(), createdAt: state.tick() });
}

export interface NewAbuseInput {
  /** What was reported: a video (with thumbnail and preview), a comment, or just the account. */
  kind?: 'video' | 'comment' | 'account';
  flagged?: string; // account name
  reason?: string;
  predefinedReasons?: string[];
  state?: AbuseState;
  /** The moderators' comment already on the abuse (PeerTube keeps one per abuse). */
  moderationComment?: string | null;
}

export function addAbuse(state: FakePeerTubeState, input: NewAbuseInput): FakeAbuse {
  const accounts = [...state.accounts.values()].filter((a) => a.name !== state.auth.username);
  const flagged = (input.flagged && accounts.find((a) => a.name === input.flagged)) || pick(state.rng, accounts);
  const reporter = pick(state.rng, accounts.filter((a) => a.id !== flagged.id && a.host === null));
  const roll = state.rng();
  const kind = input.kind ?? (roll < 0.6 ? 'video' : roll < 0.85 ? 'comment' : 'account');
  let videoId: number | null = null;
  let commentId: number | null = null;
  if (kind !== 'account') videoId = addVideo(state, flagged);
  if (kind === 'comment' && videoId !== null) {
    commentId = state.nextId();
    state.comments.set(commentId, { id: commentId, videoId, accountId: flagged.id, text: `Synthetic comment <b>${commentId}</b> & more`, deleted: false });
    videoId = null; // a comment abuse carries the comment (with its video), not the video itself
  }
  // A fifth of seeded abuses are already handled, so the pending listing is not everything.
  const abuseState = input.state ?? (state.rng() < 0.2 ? pick(state.rng, [2, 3] as const) : 1);
  const createdAt = state.tick();
  const abuse: FakeAbuse = {
    id: state.nextId(), reason: input.reason ?? pick(state.rng, REASONS),
    predefinedReasons: input.predefinedReasons ?? (state.rng() < 0.7 ? [pick(state.rng, PREDEFINED)] : []),
    reporterId: reporter.id, flaggedId: flagged.id, state: abuseState, moderationComment: input.moderationComment ?? null,
    videoId, commentId, createdAt, updatedAt: createdAt,
  };
  state.abuses.set(abuse.id, abuse);
  return abuse;
}

function addVideo(state: FakePeerTubeState, owner: FakeAccount): number {
  const id = state.nextId();
  state.videos.set(id, {
    id, uuid: uuid(state.rng), name: `Synthetic video ${id}`, accountId: owner.id, nsfw: false,
    imageSeed: intBetween(state.rng, 1, 1_000_000), deleted: false,
  });
  return id;
}

function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
