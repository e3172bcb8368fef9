import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { gotosocialCapabilities } from './capabilities';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

function accountWithPosts(s: FakeSetup, remote: boolean) {
  const statuses = [...s.fake.state.statuses.values()];
  const account = [...s.fake.state.accounts.values()].find((a) => (a.domain !== null) === remote && a.id !== s.fake.state.adminId && statuses.some((x) => x.accountId === a.id));
  if (!account) throw new Error('seed has no such account');
  return { account, statusIds: statuses.filter((x) => x.accountId === account.id).map((x) => x.id).slice(0, 2) };
}

describe('gotosocial perform(): report.create', () => {
  it('opens a report as the admin, forwards it for a remote account, and returns its id', async () => {
    const s = (setup = await withFake({ reports: 12, seed: 4 }));
    const { account, statusIds } = accountWithPosts(s, true);
    const out = await s.connector.perform({ kind: 'report.create', accountId: account.id, statusIds, comment: 'Case 2 (fedimod): test', forward: true });
    expect(s.fake.state.reports.get(String(out.remoteRef))).toMatchObject({ reporterId: s.fake.state.adminId, targetId: account.id, statusIds, forwarded: true });
    expect(s.fake.state.records.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/reports', status: 200, body: { account_id: account.id, forward: 'true' } });
    expect(s.fake.state.forwardLog.forwards.map((f) => f.reportId)).toEqual([out.remoteRef]);
    const page = await s.connector.listReports({ resolved: false });
    expect(page.items.some((r) => r.remoteId === out.remoteRef && r.forwarded)).toBe(true);
  });

  it('does not forward without forward, and a post of another account is refused', async () => {
    const s = (setup = await withFake({ reports: 12, seed: 4 }));
    const remote = accountWithPosts(s, true);
    const out = await s.connector.perform({ kind: 'report.create', accountId: remote.account.id, statusIds: [], comment: 'x', forward: false });
    expect(s.fake.state.reports.get(String(out.remoteRef))?.forwarded).toBe(false);
    const other = accountWithPosts(s, false);
    const err = await caught(() => s.connector.perform({ kind: 'report.create', accountId: remote.account.id, statusIds: other.statusIds, comment: 'x', forward: true }));
    expect((err as AppError).code).toBe('remote_error'); // GoToSocial answers 400
    expect(s.fake.state.forwardLog.forwards).toEqual([]);
  });

  it('declares reportCreate with forwarding', () => {
    expect(gotosocialCapabilities.reportCreate).toMatchObject({ forwards: true, needsPost: false });
  });
});
