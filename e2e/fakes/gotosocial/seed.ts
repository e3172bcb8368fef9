/** Deterministic seeding: the same seed gives the same accounts, posts, media and reports on every run. */
import { intBetween, pick } from '../prng';
import type { FakeAccount } from './entities';
import { buildReport } from './new-report';
import type { FakeState } from './state';

const REMOTE_DOMAINS = ['spam.example', 'noisy.example', 'remote.example'];
const DAY = 86_400_000;
// A fixed clock for seeded timestamps, so serialized reports do not change between runs.
export const SEED_NOW = Date.UTC(2025, 5, 1);

export function addAccount(state: FakeState, a: Partial<FakeAccount> & { username: string }): FakeAccount {
  const account: FakeAccount = {
    id: state.nextId(),
    domain: null,
    displayName: a.username,
    createdAt: new Date(SEED_NOW - intBetween(state.rng, 30, 900) * DAY).toISOString(),
    email: a.domain ? '' : `${a.username}@${state.domain}`,
    role: 'user',
    suspended: false,
    ...a,
  };
  state.accounts.set(account.id, account);
  return account;
}

export function seedState(state: FakeState, reports: number): void {
  state.adminId = addAccount(state, { username: 'admin', role: 'admin' }).id;
  state.rules.push({ id: state.nextId(), text: 'No spam' }, { id: state.nextId(), text: 'No harassment' });
  for (let i = 0; i < 6; i++) state.reporterIds.push(addAccount(state, { username: `member${i + 1}` }).id);
  for (let i = 0; i < 10; i++) {
    const domain = i < 2 ? null : pick(state.rng, REMOTE_DOMAINS);
    state.targetIds.push(addAccount(state, { username: `suspect${i + 1}`, domain }).id);
  }
  for (let i = 0; i < reports; i++) {
    const ageDays = intBetween(state.rng, 0, 60);
    buildReport(state, {
      resolved: state.rng() < 0.3,
      createdAt: new Date(SEED_NOW - ageDays * DAY).toISOString(),
    });
  }
}
