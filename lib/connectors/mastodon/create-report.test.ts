import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';
import { mastodonCapabilities } from './capabilities';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

/** A seeded account of the given origin (remote or local) with at least one post. */
function accountWithPosts(s: FakeSetup, remote: boolean) {
  const statuses = [...s.fake.state.statuses.values()];
  const account = [...s.fake.state.accounts.values()].find((a) => (a.domain !== null) === remote && a.id !== s.fake.state.adminId && statuses.some((x) => x.accountId === a.id));
  if (!account) throw new Error('seed has no such account');
  return { account, statusIds: statuses.filter((x) => x.accountId === account.id).map((x) => x.id).slice(0, 2) };
}

describe('mastodon perform(): report.create', () => {
  it('opens a report as the admin with a status_ids[] form, forwards it for a remote account, and returns its id', async () => {
    const s = (setup = await withFake({ reports: 10, seed: 3 }));
    const { account, statusIds } = accountWithPosts(s, true);
    const out = await s.connector.perform({ kind: 'report.create', accountId: account.id, statusIds, comment: 'Case 1 (fedimod): test', forward: true });
    expect(out.ok).toBe(true);
    const created = s.fake.state.reports.get(String(out.remoteRef));
    expect(created).toMatchObject({ reporterId: s.fake.state.adminId, targetId: account.id, statusIds, comment: 'Case 1 (fedimod): test', forwarded: true });
    expect(s.fake.state.records.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/reports', status: 200, body: { account_id: account.id, status_ids: statusIds, forward: 'true' } });
    expect(s.fake.state.forwardLog.forwards).toHaveLength(1);
    expect(s.fake.state.forwardLog.forwards[0]).toMatchObject({ reportId: out.remoteRef, domain: account.domain });
    // The admin list (what sync reads) has it.
    const page = await s.connector.listReports({ resolved: false });
    expect(page.items.find((r) => r.remoteId === out.remoteRef)?.forwarded).toBe(true);
  });

  it('does not forward a report about a local account, even when asked', async () => {
    const s = (setup = await withFake({ reports: 10, seed: 3 }));
    const { account } = accountWithPosts(s, false);
    const out = await s.connector.perform({ kind: 'report.create', accountId: account.id, statusIds: [], comment: 'x', forward: true });
    expect(s.fake.state.reports.get(String(out.remoteRef))?.forwarded).toBe(false);
    expect(s.fake.state.forwardLog.forwards).toEqual([]);
  });

  it('caps the comment at 1000 characters and reads a refusal as a remote error', async () => {
    const s = (setup = await withFake({ reports: 5, seed: 3 }));
    const { account } = accountWithPosts(s, true);
    const out = await s.connector.perform({ kind: 'report.create', accountId: account.id, statusIds: [], comment: 'y'.repeat(1500), forward: false });
    expect(s.fake.state.reports.get(String(out.remoteRef))?.comment).toHaveLength(1000);
    const err = await caught(() => s.connector.perform({ kind: 'report.create', accountId: '999999', statusIds: [], comment: 'x', forward: false }));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not_found');
  });

  it('needs the write:reports scope', async () => {
    const s = (setup = await withFake({ reports: 5, seed: 3, scopes: ['read', 'admin:read', 'admin:write'] }));
    const { account } = accountWithPosts(s, true);
    const err = await caught(() => s.connector.perform({ kind: 'report.create', accountId: account.id, statusIds: [], comment: 'x', forward: true }));
    expect((err as AppError).code).toBe('forbidden');
    expect(s.fake.state.forwardLog.forwards).toEqual([]);
  });

  it('declares reportCreate with forwarding, outside the report page\'s actions', () => {
    expect(mastodonCapabilities.reportCreate).toMatchObject({ forwards: true, needsPost: false });
    expect(mastodonCapabilities.actions).not.toContain('report.create');
  });
});
