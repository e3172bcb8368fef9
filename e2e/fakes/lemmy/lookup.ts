/**
 * How the fake Lemmy finds an object by ActivityPub id or user@domain, and where a real Lemmy would FETCH instead:
 * a logged-in resolve (resolve_object, 1.0's search) of something not in the database dereferences it from its
 * origin, and so does a logged-in lookup of an unknown name@domain (webfinger). The fake cannot fetch; it records
 * the call in state.remoteFetches, which copy-lookup tests require to stay empty. Anonymous calls read the
 * database only, as in Lemmy (search_query_to_object_id_local; resolve_actor_identifier without a user).
 */
import { community, serializePerson, serializePost } from './serialize';
import { communityV4, serializePersonV4, serializePostV4 } from './serialize-v4';
import type { FakeLemmyState, FakePerson, FakePost } from './state';

export function isUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

const apIdOf = (state: FakeLemmyState, p: FakePost) => p.apId ?? `https://${state.domain}/post/${p.id}`;
const actorIdOf = (state: FakeLemmyState, p: FakePerson) => p.actorId ?? `https://${p.domain ?? state.domain}/u/${p.name}`;

/** Posts a search can see: removed and deleted posts are hidden from everyone but their moderators. */
export function visiblePosts(state: FakeLemmyState): FakePost[] {
  return [...state.posts.values()].filter((p) => !p.removed && !p.deleted).sort((a, b) => b.id - a.id);
}

/** "name" (local) or "name@domain" (remote, or our own domain), as DbActor::read_from_name reads it. */
export function personByName(state: FakeLemmyState, identifier: string): FakePerson | undefined {
  const [name, domain] = identifier.replace(/^@/, '').split('@');
  return [...state.persons.values()].find((p) => p.name === name && (domain === undefined || (p.domain ?? state.domain) === domain));
}

export type Found = { kind: 'post'; post: FakePost } | { kind: 'person'; person: FakePerson };

/** The object a search term names, from the database only; records a remote fetch where a real Lemmy would make one. */
export function resolveTerm(state: FakeLemmyState, term: string, loggedIn: boolean, endpoint: string): Found | null {
  if (isUrl(term)) {
    const url = new URL(term).href;
    const post = [...state.posts.values()].find((p) => !p.deleted && new URL(apIdOf(state, p)).href === url);
    if (post) return { kind: 'post', post };
    const person = [...state.persons.values()].find((p) => new URL(actorIdOf(state, p)).href === url);
    if (person) return { kind: 'person', person };
  } else if (/^[@!]?[\w.-]+@[\w.-]+$/.test(term)) {
    const person = personByName(state, term.replace(/^[@!]/, ''));
    if (person) return { kind: 'person', person };
  } else {
    return null; // plain text is not resolved at all
  }
  if (loggedIn) state.recordRemoteFetch(endpoint, term);
  return null;
}

const counts = (id: number) => ({ post_id: id, comments: 0, score: 1, upvotes: 1, downvotes: 0, published: '2026-01-01T00:00:00Z' });

export function postViewV3(state: FakeLemmyState, p: FakePost): Record<string, unknown> {
  const creator = state.persons.get(p.creatorId)!;
  return {
    post: serializePost(state, p), creator: serializePerson(state, creator), community, counts: counts(p.id),
    creator_banned_from_community: false, creator_is_moderator: false, creator_is_admin: creator.admin, subscribed: 'NotSubscribed',
    saved: false, read: false, hidden: false, creator_blocked: false, unread_comments: 0,
  };
}

export function postViewV4(state: FakeLemmyState, p: FakePost): Record<string, unknown> {
  const creator = state.persons.get(p.creatorId)!;
  return {
    post: serializePostV4(state, p), creator: serializePersonV4(state, creator), community: communityV4(state),
    creator_is_admin: creator.admin, creator_banned: creator.banned, creator_is_moderator: false, creator_banned_from_community: false,
    can_mod: false, tags: [],
  };
}
