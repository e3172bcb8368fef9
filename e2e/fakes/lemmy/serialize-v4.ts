/**
 * Lemmy 1.0 (API v4) JSON shapes, from lemmy-js-client's generated types and LemmyNet/lemmy
 * crates/db_views/report_combined: timestamps are `published_at`/`updated_at`, Person and Community carry
 * `ap_id` (no `actor_id`, no `banned`: the views carry `creator_banned` etc.), and list items are
 * ReportCombinedView, tagged on `type_` in snake_case.
 */
import type { FakeLemmyState, FakePerson, FakePost, FakeReport } from './state';

export function serializePersonV4(state: FakeLemmyState, p: FakePerson): Record<string, unknown> {
  const host = p.domain ?? state.domain;
  return {
    id: p.id, name: p.name, published_at: '2025-12-01T00:00:00Z', ap_id: p.actorId ?? `https://${host}/u/${p.name}`, local: p.domain === null,
    deleted: p.deleted, bot_account: false, instance_id: p.domain === null ? 1 : 2, post_count: 0, comment_count: 0,
  };
}

function person(state: FakeLemmyState, id: number) {
  const p = state.persons.get(id);
  if (!p) throw new Error(`fake lemmy: unknown person ${id}`);
  return serializePersonV4(state, p);
}

export function serializePostV4(state: FakeLemmyState, p: FakePost): Record<string, unknown> {
  return {
    id: p.id, name: p.name, body: p.body, url: p.url, thumbnail_url: p.thumbnailUrl ?? p.url, creator_id: p.creatorId, community_id: 1, removed: p.removed,
    locked: false, deleted: p.deleted, nsfw: false, published_at: p.published, local: !p.apId, ap_id: p.apId ?? `https://${state.domain}/post/${p.id}`,
    language_id: 0, featured_community: false, featured_local: false,
  };
}

export function communityV4(state: FakeLemmyState): Record<string, unknown> {
  return {
    id: 1, name: 'general', title: 'General', removed: false, published_at: '2025-12-01T00:00:00Z', deleted: false, nsfw: false,
    ap_id: `https://${state.domain}/c/general`, local: true, hidden: false, posting_restricted_to_mods: false, instance_id: 1,
    visibility: 'public',
  };
}

const TAGS: Record<FakeReport['type'], string> = { post: 'post', comment: 'comment', pm: 'private_message', community: 'community' };

/** The view alone, as resolve answers it ({post_report_view: …}). */
export function serializeReportViewV4(state: FakeLemmyState, r: FakeReport): Record<string, unknown> {
  const base = { id: r.id, creator_id: r.creatorId, reason: r.reason, resolved: r.resolved, resolver_id: null, published_at: r.published };
  const creator = person(state, r.creatorId);
  const flags = (targetId: number) => ({
    creator_is_admin: state.persons.get(targetId)?.admin ?? false, creator_is_moderator: false,
    creator_banned: state.persons.get(targetId)?.banned ?? false, creator_banned_from_community: false,
  });
  let out: Record<string, unknown>;
  if (r.type === 'post') {
    const post = state.posts.get(r.objectId)!;
    out = {
      post_report: { ...base, post_id: post.id, original_post_name: post.name, original_post_url: post.url, original_post_body: post.body, violates_instance_rules: true },
      post: serializePostV4(state, post), community: communityV4(state), creator, post_creator: person(state, post.creatorId), ...flags(post.creatorId),
    };
  } else if (r.type === 'comment') {
    const c = state.comments.get(r.objectId)!;
    out = {
      comment_report: { ...base, comment_id: c.id, original_comment_text: c.content, violates_instance_rules: true },
      comment: {
        id: c.id, content: c.content, creator_id: c.creatorId, post_id: c.postId, removed: c.removed, deleted: c.deleted, published_at: c.published,
        ap_id: `https://${state.domain}/comment/${c.id}`, local: true,
      },
      post: serializePostV4(state, state.posts.get(c.postId)!), community: communityV4(state), creator, comment_creator: person(state, c.creatorId),
      ...flags(c.creatorId),
    };
  } else if (r.type === 'pm') {
    const m = state.pms.get(r.objectId)!;
    out = {
      private_message_report: { ...base, private_message_id: m.id, original_pm_text: m.content },
      private_message: {
        id: m.id, content: m.content, creator_id: m.creatorId, recipient_id: r.creatorId, published_at: m.published,
        ap_id: `https://${state.domain}/private_message/${m.id}`, local: true, deleted: false,
      },
      creator, private_message_creator: person(state, m.creatorId), creator_is_admin: false, creator_banned: state.persons.get(m.creatorId)?.banned ?? false,
    };
  } else {
    out = {
      community_report: { ...base, community_id: r.objectId, original_community_name: 'general', original_community_title: 'General' },
      community: communityV4(state), creator, creator_is_admin: false, creator_is_moderator: false, creator_banned: false, creator_banned_from_community: false,
    };
  }
  // Test hook: a report whose target person is missing, which the connector must skip, not crash on.
  if (state.malformed.has(`${r.type}:${r.id}`)) {
    delete out.post_creator;
    delete out.comment_creator;
    delete out.private_message_creator;
    delete out.community;
  }
  return out;
}

/** A ReportCombinedView list item. */
export function serializeCombinedV4(state: FakeLemmyState, r: FakeReport): Record<string, unknown> {
  return { type_: TAGS[r.type], ...serializeReportViewV4(state, r) };
}
