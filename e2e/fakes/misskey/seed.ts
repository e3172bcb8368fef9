/**
 * Deterministic seeding: users (one moderator, locals, remotes), notes with synthetic drive files, and reports
 * whose comments link to notes the way Misskey users paste them. Runs after listen(), because note links
 * embed the fake's own URL.
 */
import { intBetween, pick } from '../prng';
import type { FakeDriveFile, FakeNote, FakeReport, FakeUser } from './entities';
import type { FakeSystemWebhook } from './entities';
import type { FakeMisskeyState } from './state';

const NAMES = ['alba', 'birch', 'cedar', 'dune', 'ember', 'fjord', 'grove', 'heath', 'isle', 'juniper'];
const REMOTE_HOSTS = ['remote.example', 'spam.example'];
const REASONS = ['Spam', 'Harassment in replies', 'Unmarked sensitive media', 'Impersonation', 'Scam links'];
const FILE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

export function seedState(state: FakeMisskeyState, reportCount: number): void {
  const admin = addUser(state, { username: 'admin', host: null, isModerator: true, isAdmin: true });
  state.adminId = admin.id;
  for (const name of NAMES.slice(0, 5)) state.localIds.push(addUser(state, { username: name, host: null }).id);
  for (const name of NAMES.slice(5)) state.remoteIds.push(addUser(state, { username: name, host: pick(state.rng, REMOTE_HOSTS) }).id);
  for (let i = 0; i < reportCount; i++) addReport(state);
}

export function addUser(state: FakeMisskeyState, input: Partial<FakeUser> & { username: string; host: string | null }): FakeUser {
  const { id, createdAt } = state.nextId();
  const user: FakeUser = { id, createdAt, name: input.username.toUpperCase(), isModerator: false, isAdmin: false, isSuspended: false, ...input };
  state.users.set(id, user);
  return user;
}

export function addNote(state: FakeMisskeyState, userId: string, fileCount: number): FakeNote {
  const fileIds: string[] = [];
  for (let i = 0; i < fileCount; i++) fileIds.push(addFile(state, userId).id);
  const { id, createdAt } = state.nextId();
  const note: FakeNote = { id, userId, text: `Synthetic note ${id}\nsecond line`, cw: null, visibility: 'public', fileIds, createdAt };
  state.notes.set(id, note);
  return note;
}

function addFile(state: FakeMisskeyState, userId: string): FakeDriveFile {
  const { id, createdAt } = state.nextId();
  const file: FakeDriveFile = {
    id, userId, createdAt, name: `${id}.png`, type: pick(state.rng, FILE_TYPES), width: 320, height: 240,
    imageSeed: intBetween(state.rng, 1, 1_000_000), comment: state.rng() < 0.5 ? 'synthetic pattern' : null, isSensitive: false,
  };
  state.files.set(id, file);
  return file;
}

export interface NewReportInput {
  comment?: string;
  targetUserId?: string;
  reporterId?: string;
  /** Notes to create for the target and link from the comment. */
  noteCount?: number;
  filesPerNote?: number;
  resolved?: boolean;
}

export function addReport(state: FakeMisskeyState, input: NewReportInput = {}): FakeReport {
  const targetUserId = input.targetUserId ?? pick(state.rng, [...state.localIds, ...state.remoteIds]);
  const reporterId = input.reporterId ?? pick(state.rng, state.localIds);
  const noteCount = input.noteCount ?? intBetween(state.rng, 0, 2);
  const links: string[] = [];
  for (let i = 0; i < noteCount; i++) {
    links.push(state.noteUrl(addNote(state, targetUserId, input.filesPerNote ?? intBetween(state.rng, 0, 2)).id));
  }
  const comment = input.comment ?? [pick(state.rng, REASONS), ...links].join('\n');
  const { id, createdAt } = state.nextId();
  const resolved = input.resolved ?? state.rng() < 0.2;
  const report: FakeReport = {
    id, createdAt, comment, reporterId, targetUserId, resolved, forwarded: false, moderationNote: '',
    assigneeId: resolved ? state.adminId : null, resolvedAs: resolved ? 'accept' : null,
  };
  state.reports.set(id, report);
  return report;
}

export interface NewSystemWebhookInput {
  url: string;
  secret: string;
  on?: string[];
  active?: boolean;
  /** Also add the abuse-report notification recipient (method webhook) that Misskey 2024.10+ needs; default true. */
  recipient?: boolean;
}

/** The two steps of the control panel: a system webhook, and (unless told not to) its notification recipient. */
export function addSystemWebhook(state: FakeMisskeyState, input: NewSystemWebhookInput): FakeSystemWebhook {
  const { id } = state.nextId();
  const hook: FakeSystemWebhook = {
    id, isActive: input.active ?? true, name: 'dashboard', on: input.on ?? ['abuseReport', 'abuseReportResolved'], url: input.url,
    secret: input.secret, latestSentAt: null, latestStatus: null,
  };
  state.systemWebhooks.set(id, hook);
  if (input.recipient ?? true) {
    const r = state.nextId();
    state.recipients.set(r.id, { id: r.id, isActive: true, name: 'dashboard', method: 'webhook', userId: null, systemWebhookId: id });
  }
  return hook;
}
