/** Builds reports (with their target, statuses and media) into the state. Used by the seeder and addReport. */
import type { FakeAccount, FakeMedia, FakeMediaType, FakeReport, FakeStatus } from './entities';
import { COMMENTS, MEDIA_DESCRIPTIONS, STATUS_HTML } from './content';
import type { FakeState } from './state';
import { intBetween, pick } from '../prng';

export interface NewReportInput {
  category?: string;
  comment?: string;
  forwarded?: boolean;
  reporterAccountId?: string;
  targetAccountId?: string;
  /** Number of reported statuses (default: random 0-2). */
  statusCount?: number;
  /** Media on the first status, by type (default: random 0-3 images on each status). */
  mediaTypes?: FakeMediaType[];
  statusHtml?: string;
  resolved?: boolean;
  createdAt?: string;
}

const CATEGORIES = ['spam', 'spam', 'violation', 'other', 'legal'];

export function buildReport(state: FakeState, input: NewReportInput = {}): FakeReport {
  const rng = state.rng;
  const target = account(state, input.targetAccountId ?? pick(rng, state.targetIds));
  const reporter = account(state, input.reporterAccountId ?? pick(rng, state.reporterIds));
  const createdAt = input.createdAt ?? new Date().toISOString();
  const statusCount = input.statusCount ?? (rng() < 0.25 ? 0 : intBetween(rng, 1, 2));
  const statusIds: string[] = [];
  for (let i = 0; i < statusCount; i++) {
    const types = i === 0 && input.mediaTypes ? input.mediaTypes : randomImages(state);
    const html = i === 0 && input.statusHtml ? input.statusHtml : pick(rng, STATUS_HTML);
    statusIds.push(addStatus(state, target, html, types, createdAt).id);
  }
  const category = input.category ?? pick(rng, CATEGORIES);
  const report: FakeReport = {
    id: state.nextReportId(),
    category,
    comment: input.comment ?? pick(rng, COMMENTS),
    forwarded: input.forwarded ?? (target.domain !== null && rng() < 0.3),
    createdAt,
    updatedAt: createdAt,
    reporterId: reporter.id,
    targetId: target.id,
    assignedId: null,
    actionTakenById: null,
    actionTakenAt: null,
    statusIds,
    ruleIds: category === 'violation' ? [pick(rng, state.rules).id] : [],
  };
  if (input.resolved) {
    report.actionTakenAt = createdAt;
    report.actionTakenById = state.adminId;
  }
  state.reports.set(report.id, report);
  return report;
}

function account(state: FakeState, id: string): FakeAccount {
  const found = state.accounts.get(id);
  if (!found) throw new Error(`unknown account ${id}`);
  return found;
}

function randomImages(state: FakeState): FakeMediaType[] {
  const n = state.rng() < 0.4 ? 0 : intBetween(state.rng, 1, 3);
  return Array.from({ length: n }, () => 'image' as const);
}

function addStatus(state: FakeState, author: FakeAccount, html: string, types: FakeMediaType[], createdAt: string): FakeStatus {
  const status: FakeStatus = {
    id: state.nextSnowflake(),
    accountId: author.id,
    contentHtml: html,
    spoilerText: state.rng() < 0.2 ? 'cw: shapes' : '',
    sensitive: state.rng() < 0.3,
    visibility: pick(state.rng, ['public', 'public', 'unlisted', 'private'] as const),
    createdAt,
    media: types.map((type) => newMedia(state, author, type)),
  };
  state.statuses.set(status.id, status);
  return status;
}

function newMedia(state: FakeState, author: FakeAccount, type: FakeMediaType): FakeMedia {
  const rng = state.rng;
  const id = state.nextSnowflake();
  const format = type === 'gifv' ? 'gif' : type === 'video' ? 'mp4' : rng() < 0.75 ? 'png' : 'jpeg';
  const [width, height] = type === 'image' ? pick(rng, [[640, 480], [800, 600], [480, 640], [1024, 768]]) : [320, 240];
  const ext = format === 'jpeg' ? 'jpg' : format;
  const media: FakeMedia = {
    id,
    accountId: author.id,
    type,
    format,
    width,
    height,
    imageSeed: intBetween(rng, 1, 1_000_000),
    description: pick(rng, MEDIA_DESCRIPTIONS),
    // Federated media: the origin's URL is kept, but the instance serves its own cached copy.
    remoteUrl: author.domain ? `https://${author.domain}/media/${id}.${ext}` : null,
  };
  state.media.set(id, media);
  return media;
}
