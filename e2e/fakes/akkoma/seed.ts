/** Deterministic seeding: the same seed always yields the same accounts, statuses, media and reports. */
import { intBetween, pick } from '../prng';
import type { FakeReport } from './entities';
import type { FakeAkkomaState } from './state';

const LOCAL = ['alice', 'carol', 'dave', 'erin', 'frank'];
const REMOTE = ['bob@remote.example', 'mallory@spam.example', 'trent@other.example'];
const COMMENTS = ['Spam links', 'Harassment in replies', 'Unmarked sensitive media', 'Impersonation', ''];

export function seedState(state: FakeAkkomaState, reports: number): void {
  addAccount(state, state.adminNickname, true);
  for (const nickname of [...LOCAL, ...REMOTE]) addAccount(state, nickname, false);
  for (let i = 0; i < reports; i++) addReport(state, {});
}

function addAccount(state: FakeAkkomaState, nickname: string, isAdmin: boolean): void {
  state.accounts.set(nickname, {
    id: state.nextId('AC'), nickname, displayName: nickname.split('@')[0].toUpperCase(), isActive: true, isAdmin, tags: [],
    createdAt: state.tick(),
  });
}

export interface NewReportInput {
  actor?: string;
  account?: string;
  content?: string;
  state?: FakeReport['state'];
  statusCount?: number;
}

export function addReport(state: FakeAkkomaState, input: NewReportInput): FakeReport {
  const account = input.account ?? pick(state.rng, REMOTE.concat(LOCAL));
  const statusIds: string[] = [];
  const statusCount = input.statusCount ?? intBetween(state.rng, 0, 2);
  for (let i = 0; i < statusCount; i++) statusIds.push(addStatus(state, account));
  // A fifth of seeded reports are already handled, so the open listing is not everything.
  const reportState = input.state ?? (state.rng() < 0.2 ? pick(state.rng, ['resolved', 'closed'] as const) : 'open');
  const report: FakeReport = {
    id: state.nextId('RP'), state: reportState, actor: input.actor ?? pick(state.rng, LOCAL), account,
    content: input.content ?? pick(state.rng, COMMENTS), createdAt: state.tick(), statusIds, notes: [],
  };
  state.reports.set(report.id, report);
  return report;
}

function addStatus(state: FakeAkkomaState, nickname: string): string {
  const mediaIds: string[] = [];
  const mediaCount = intBetween(state.rng, 0, 2);
  for (let i = 0; i < mediaCount; i++) {
    const id = state.nextId('MD');
    state.media.set(id, { id, imageSeed: intBetween(state.rng, 1, 1_000_000), width: 320, height: 240 });
    mediaIds.push(id);
  }
  const id = state.nextId('ST');
  state.statuses.set(id, {
    id, nickname, content: `<p>Synthetic post ${id} by @${nickname}</p>`, sensitive: false, visibility: 'public',
    createdAt: state.tick(), mediaIds,
  });
  return id;
}
