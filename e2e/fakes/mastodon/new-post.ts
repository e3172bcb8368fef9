/**
 * Adds a public post to the fake (watch lists, issue 14): POST /__fake/posts. The author is the account with the
 * given acct (created when unknown) or a new local account; media are synthetic images (../images.ts), served and
 * hashed exactly like reported statuses' media.
 */
import type { FakeAccount, FakeMedia, FakeStatus } from './entities';
import { addAccount } from './seed';
import { acctOf, type FakeState } from './state';
import { intBetween } from '../prng';

export interface NewPostInput {
  html: string;
  tags?: string[];
  media?: number;
  acct?: string;
  visibility?: FakeStatus['visibility'];
  spoilerText?: string;
  /** When the author is created here: its creation time (default now, a fresh account). */
  accountCreatedAt?: string;
  lean?: boolean;
  malformed?: boolean;
}

export function buildPost(state: FakeState, input: NewPostInput): FakeStatus {
  const author = authorFor(state, input);
  const status: FakeStatus = {
    id: state.nextSnowflake(),
    accountId: author.id,
    contentHtml: input.html,
    spoilerText: input.spoilerText ?? '',
    sensitive: false,
    visibility: input.visibility ?? 'public',
    createdAt: new Date().toISOString(),
    media: Array.from({ length: input.media ?? 0 }, () => newImage(state, author)),
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.lean ? { lean: true } : {}),
    ...(input.malformed ? { malformed: true } : {}),
  };
  state.statuses.set(status.id, status);
  return status;
}

function authorFor(state: FakeState, input: NewPostInput): FakeAccount {
  const acct = input.acct?.replace(/^@/, '');
  const [username, domain] = acct ? acct.split('@') : [`poster${state.accounts.size + 1}`, undefined];
  const host = !domain || domain.toLowerCase() === state.domain ? null : domain.toLowerCase();
  const existing = [...state.accounts.values()].find((a) => acctOf(a) === (host ? `${username}@${host}` : username));
  if (existing) return existing;
  const created = addAccount(state, username, host);
  created.createdAt = input.accountCreatedAt ?? new Date().toISOString();
  return created;
}

function newImage(state: FakeState, author: FakeAccount): FakeMedia {
  const id = state.nextSnowflake();
  const media: FakeMedia = {
    id,
    accountId: author.id,
    type: 'image',
    format: 'png',
    width: 640,
    height: 480,
    imageSeed: intBetween(state.rng, 1, 1_000_000),
    description: 'Synthetic test image',
    remoteUrl: author.domain ? `https://${author.domain}/media/${id}.png` : null,
  };
  state.media.set(id, media);
  return media;
}
