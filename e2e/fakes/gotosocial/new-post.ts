/**
 * Adds a public post to the fake (watch lists, issue 14): POST /__fake/posts. The author is the account with the
 * given acct (created when unknown) or a new local account; media are synthetic images, like reported posts'.
 */
import { intBetween } from '../prng';
import type { FakeAccount, FakeStatus } from './entities';
import { addAccount } from './seed';
import { acctOf, type FakeState } from './state';

export interface NewPostInput {
  html: string;
  tags?: string[];
  media?: number;
  acct?: string;
  accountCreatedAt?: string;
  lean?: boolean;
  malformed?: boolean;
}

export function buildPost(state: FakeState, input: NewPostInput): FakeStatus {
  const author = authorFor(state, input);
  const createdAt = new Date().toISOString();
  const mediaIds = Array.from({ length: input.media ?? 0 }, () => {
    const id = state.nextId();
    state.media.set(id, { id, accountId: author.id, imageSeed: intBetween(state.rng, 1, 1_000_000), width: 320, height: 240, createdAt, cached: true });
    return id;
  });
  const status: FakeStatus = {
    id: state.nextId(), accountId: author.id, content: input.html, createdAt, mediaIds,
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
  return addAccount(state, { username, domain: host, createdAt: input.accountCreatedAt ?? new Date().toISOString() });
}
