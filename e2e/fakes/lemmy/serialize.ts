/** Lemmy 0.19 (v3) JSON shapes: PostReportView, CommentReportView, PrivateMessageReportView. */
import type { FakeLemmyState, FakePerson, FakePost, FakeReport } from './state';

export function serializePerson(state: FakeLemmyState, p: FakePerson): Record<string, unknown> {
  const host = p.domain ?? state.domain;
  return {
    id: p.id, name: p.name, display_name: null, avatar: null, banned: p.banned, published: '2025-12-01T00:00:00Z',
    actor_id: p.actorId ?? `https://${host}/u/${p.name}`, local: p.domain === null, deleted: p.deleted, bot_account: false, instance_id: 1,
  };
}

function person(state: FakeLemmyState, id: number) {
  const p = state.persons.get(id);
  if (!p) throw new Error(`fake lemmy: unknown person ${id}`);
  return serializePerson(state, p);
}

export function serializePost(state: FakeLemmyState, p: FakePost): Record<string, unknown> {
  return {
    id: p.id, name: p.name, body: p.body, url: p.url, thumbnail_url: p.thumbnailUrl ?? p.url, creator_id: p.creatorId, community_id: 1,
    removed: p.removed, deleted: p.deleted, nsfw: false, published: p.published, local: !p.apId,
    ap_id: p.apId ?? `https://${state.domain}/post/${p.id}`,
  };
}

export const community = { id: 1, name: 'general', title: 'General', actor_id: 'https://lemmy.test/c/general', local: true };

export function serializeReport(state: FakeLemmyState, r: FakeReport): Record<string, unknown> {
  if (r.type === 'community') throw new Error('fake lemmy: community reports exist only in the v4 API');
  const base = { id: r.id, creator_id: r.creatorId, reason: r.reason, resolved: r.resolved, resolver_id: null, published: r.published, updated: null };
  const creator = person(state, r.creatorId);
  let out: Record<string, unknown>;
  if (r.type === 'post') {
    const post = state.posts.get(r.objectId)!;
    out = {
      post_report: { ...base, post_id: post.id, original_post_name: post.name, original_post_url: post.url, original_post_body: post.body },
      post: serializePost(state, post), community, creator, post_creator: person(state, post.creatorId), resolver: null,
    };
  } else if (r.type === 'comment') {
    const c = state.comments.get(r.objectId)!;
    out = {
      comment_report: { ...base, comment_id: c.id, original_comment_text: c.content },
      comment: { id: c.id, content: c.content, creator_id: c.creatorId, post_id: c.postId, removed: c.removed, deleted: c.deleted, published: c.published, ap_id: `https://${state.domain}/comment/${c.id}` },
      post: serializePost(state, state.posts.get(c.postId)!), community, creator, comment_creator: person(state, c.creatorId), resolver: null,
    };
  } else {
    const m = state.pms.get(r.objectId)!;
    out = {
      private_message_report: { ...base, private_message_id: m.id, original_pm_text: m.content },
      private_message: { id: m.id, content: m.content, creator_id: m.creatorId, recipient_id: r.creatorId, published: m.published, ap_id: `https://${state.domain}/private_message/${m.id}` },
      creator, private_message_creator: person(state, m.creatorId), resolver: null,
    };
  }
  // Test hook: a report whose target person is missing, which the connector must skip, not crash on.
  if (state.malformed.has(`${r.type}:${r.id}`)) {
    delete out.post_creator;
    delete out.comment_creator;
    delete out.private_message_creator;
  }
  return out;
}
