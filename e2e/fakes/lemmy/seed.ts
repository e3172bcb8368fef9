/**
 * Deterministic seeding: a few people, and reports spread over the post, comment and private message tables.
 * Community reports (Lemmy 1.0 only) are never seeded, so seeds give the same state on 0.19 and 1.0 fakes;
 * tests add them explicitly.
 */
import { intBetween, pick } from '../prng';
import type { FakeLemmyState, FakeReport, ReportType } from './state';

const PEOPLE: Array<[string, string | null]> = [
  ['admin', null], ['alice', null], ['carol', null], ['bob', 'remote.example'], ['dave', 'other.example'],
];
/** The one community every post lives in (serialize.ts describes it). */
export const COMMUNITY_ID = 1;
const REASONS = ['Spam', 'Harassment', 'Off topic', 'Looks like a scam link', 'Breaks rule 2'];

export interface NewReportInput {
  type?: ReportType;
  creatorId?: number;
  targetId?: number;
  reason?: string;
  resolved?: boolean;
  withImage?: boolean;
}

export function seedState(state: FakeLemmyState, reports: number): void {
  for (const [name, domain] of PEOPLE) {
    const id = state.nextId('person');
    state.persons.set(id, { id, name, domain, banned: false, admin: name === 'admin', deleted: false });
  }
  for (let i = 0; i < reports; i++) addReport(state, {});
}

export function addReport(state: FakeLemmyState, input: NewReportInput): FakeReport {
  const type = input.type ?? pick(state.rng, ['post', 'comment', 'pm'] as const);
  const targetId = input.targetId ?? intBetween(state.rng, 2, 5);
  const creatorId = input.creatorId ?? pick(state.rng, [2, 3]);
  const objectId =
    type === 'community' ? COMMUNITY_ID
    : type === 'pm' ? addPm(state, targetId)
    : type === 'comment' ? addComment(state, targetId)
    : addPost(state, targetId, input.withImage);
  const report: FakeReport = {
    type, id: state.nextId(`report:${type}`), creatorId, objectId, reason: input.reason ?? pick(state.rng, REASONS),
    resolved: input.resolved ?? state.rng() < 0.2, published: state.tick(),
  };
  state.reports.set(`${type}:${report.id}`, report);
  return report;
}

function addPost(state: FakeLemmyState, creatorId: number, withImage?: boolean): number {
  const id = state.nextId('post');
  const image = withImage ?? state.rng() < 0.5;
  state.posts.set(id, {
    id, creatorId, name: `Synthetic post ${id}`, body: `Body of post ${id} <b>not html</b>`, removed: false, deleted: false,
    url: image ? `${state.baseUrl}/pictrs/image/p${id}.png` : null, imageSeed: image ? intBetween(state.rng, 1, 1_000_000) : null,
    published: state.tick(),
  });
  return id;
}

function addComment(state: FakeLemmyState, creatorId: number): number {
  const postId = addPost(state, creatorId, false);
  const id = state.nextId('comment');
  state.comments.set(id, { id, creatorId, postId, content: `Synthetic comment ${id}`, removed: false, deleted: false, published: state.tick() });
  return id;
}

function addPm(state: FakeLemmyState, creatorId: number): number {
  const id = state.nextId('pm');
  state.pms.set(id, { id, creatorId, content: `Synthetic message ${id}`, published: state.tick() });
  return id;
}
