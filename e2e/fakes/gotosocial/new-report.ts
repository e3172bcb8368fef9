/** Builds one report (with its reported posts and synthetic media) from optional overrides, deterministically. */
import { intBetween, pick } from '../prng';
import type { FakeReport } from './entities';
import type { FakeState } from './state';

export interface NewReportInput {
  category?: string;
  comment?: string;
  forwarded?: boolean;
  reporterAccountId?: string;
  targetAccountId?: string;
  statusCount?: number;
  mediaCount?: number;
  resolved?: boolean;
  createdAt?: string;
}

const CATEGORIES = ['spam', 'violation', 'other'];
const COMMENTS = ['Unsolicited ads in replies', 'Repeated unwanted mentions', 'Off-topic flooding', ''];

export function buildReport(state: FakeState, input: NewReportInput = {}): FakeReport {
  const rng = state.rng;
  const createdAt = input.createdAt ?? new Date().toISOString();
  const targetId = input.targetAccountId ?? pick(rng, state.targetIds);
  if (!state.accounts.has(targetId)) throw new Error(`unknown target account ${targetId}`);
  const statusIds: string[] = [];
  const statusCount = input.statusCount ?? intBetween(rng, 0, 2);
  for (let s = 0; s < statusCount; s++) {
    const mediaIds: string[] = [];
    const mediaCount = input.mediaCount ?? intBetween(rng, 0, 2);
    for (let m = 0; m < mediaCount; m++) {
      const id = state.nextId();
      state.media.set(id, {
        id, accountId: targetId, imageSeed: intBetween(rng, 1, 1_000_000),
        width: intBetween(rng, 64, 320), height: intBetween(rng, 64, 320), createdAt, cached: true,
      });
      mediaIds.push(id);
    }
    const id = state.nextId();
    state.statuses.set(id, { id, accountId: targetId, content: `<p>Reported post ${id.slice(-6)}</p>`, createdAt, mediaIds });
    statusIds.push(id);
  }
  const category = input.category ?? pick(rng, CATEGORIES);
  const report: FakeReport = {
    id: state.nextId(),
    createdAt,
    updatedAt: createdAt,
    category,
    comment: input.comment ?? pick(rng, COMMENTS),
    forwarded: input.forwarded ?? false,
    reporterId: input.reporterAccountId ?? pick(rng, state.reporterIds),
    targetId,
    statusIds,
    ruleIds: category === 'violation' ? [state.rules[0].id] : [],
    actionTakenAt: input.resolved ? createdAt : null,
    actionTakenById: input.resolved ? state.adminId : null,
    actionTakenComment: input.resolved ? 'Handled' : null,
  };
  state.reports.set(report.id, report);
  return report;
}
