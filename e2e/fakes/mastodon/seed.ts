/** Deterministic seeding: the same `seed` and `reports` give the same accounts, reports and images. */
import type { FakeAccount } from './entities';
import {
  IMG_ONERROR_COMMENT, LOCAL_TARGET_NAMES, REMOTE_DOMAINS, REMOTE_TARGET_NAMES, REPORTER_NAMES, RULES,
  SCRIPT_COMMENT, XSS_STATUS_HTML,
} from './content';
import { buildReport, type NewReportInput } from './new-report';
import type { FakeState } from './state';

const EPOCH = Date.parse('2026-01-05T09:00:00.000Z');
const REPORT_SPACING_MS = 37 * 60_000;

export function seedState(state: FakeState, reportCount: number): void {
  RULES.forEach((r, i) => state.rules.push({ id: String(i + 1), ...r }));
  state.adminId = addAccount(state, 'admin', null, 'Owner').id;
  state.reporterIds = REPORTER_NAMES.map((n) => addAccount(state, n, null).id);
  const local = LOCAL_TARGET_NAMES.map((n) => addAccount(state, n, null).id);
  const remote = REMOTE_TARGET_NAMES.map((n, i) => addAccount(state, n, REMOTE_DOMAINS[i % REMOTE_DOMAINS.length]).id);
  state.targetIds = [...local, ...remote];
  for (let i = 0; i < reportCount; i++) {
    buildReport(state, { createdAt: new Date(EPOCH + i * REPORT_SPACING_MS).toISOString(), ...featured(state, i, remote) });
  }
}

/**
 * The first reports carry one feature each, so any seed with at least six reports has all of them:
 * script payloads in a comment and in status HTML, a GIF, a video, a report without statuses, a remote target.
 */
function featured(state: FakeState, i: number, remote: string[]): NewReportInput {
  switch (i) {
    case 0: return { comment: SCRIPT_COMMENT, statusCount: 1, mediaTypes: ['image', 'image'] };
    case 1: return { comment: IMG_ONERROR_COMMENT, statusCount: 1, statusHtml: XSS_STATUS_HTML, mediaTypes: ['image'] };
    case 2: return { statusCount: 1, mediaTypes: ['gifv'], category: 'other' };
    case 3: return { statusCount: 1, mediaTypes: ['video'], category: 'violation' };
    case 4: return { statusCount: 0, category: 'spam' };
    case 5: return { statusCount: 1, mediaTypes: ['image', 'image', 'image'], targetAccountId: remote[0], category: 'legal' };
    default: return { resolved: state.rng() < 0.2 };
  }
}

/**
 * `createdAt`: when the account was made, e.g. yesterday for a brigade test. Default: spread from 90 days to about
 * four years before the seed epoch, as a real server's members are (all made at one instant, every group of
 * reporters would look like a brigade). Derived from the account count, not the seeded random stream, so the rest
 * of a seeded fake stays exactly as it was.
 */
export function addAccount(state: FakeState, username: string, domain: string | null, roleName: string | null = null, createdAt?: string): FakeAccount {
  const acc: FakeAccount = {
    id: state.nextSnowflake(),
    username,
    domain,
    displayName: username.charAt(0).toUpperCase() + username.slice(1).replace(/_/g, ' '),
    email: domain ? null : `${username}@${state.domain}`,
    createdAt: createdAt ?? new Date(EPOCH - (90 + ((state.accounts.size * 379) % 1400)) * 86_400_000).toISOString(),
    suspended: false,
    silenced: false,
    sensitized: false,
    disabled: false,
    roleName,
  };
  state.accounts.set(acc.id, acc);
  return acc;
}
