import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { akkomaCapabilities } from './capabilities';
import { caught, withFakeAkkoma, type AkkomaSetup } from './test-support';

let setup: AkkomaSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('akkoma perform(): report.create', () => {
  it('finds the FlakeId of the nickname, opens the report as the admin, and forwards it for a remote account', async () => {
    const s = (setup = await withFakeAkkoma({ reports: 0, seed: 5 }));
    const seeded = s.fake.addReport({ account: 'mallory@spam.example', actor: 'alice', statusCount: 2 });
    const statusIds = (seeded.statuses as Array<{ id: string }>).map((x) => x.id);
    const out = await s.connector.perform({ kind: 'report.create', accountId: 'mallory@spam.example', statusIds, comment: 'Case 3 (fedimod): test', forward: true });
    const created = s.fake.state.reports.get(String(out.remoteRef));
    expect(created).toMatchObject({ actor: 'admin', account: 'mallory@spam.example', statusIds, content: 'Case 3 (fedimod): test', state: 'open' });
    const flakeId = s.fake.state.accounts.get('mallory@spam.example')!.id;
    expect(s.fake.state.records.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/reports', status: 200, body: { account_id: flakeId, status_ids: statusIds, forward: true } });
    expect(s.fake.state.forwardLog.forwards).toMatchObject([{ reportId: out.remoteRef, domain: 'spam.example' }]);
    const page = await s.connector.listReports({ resolved: false });
    expect(page.items.some((r) => r.remoteId === out.remoteRef)).toBe(true);
  });

  it('an unknown nickname is not_found before anything is filed; a local account is never forwarded', async () => {
    const s = (setup = await withFakeAkkoma({ reports: 0, seed: 5 }));
    const err = await caught(() => s.connector.perform({ kind: 'report.create', accountId: 'nobody@nowhere.example', statusIds: [], comment: 'x', forward: true }));
    expect((err as AppError).code).toBe('not_found');
    expect(s.fake.state.records.filter((r) => r.path === '/api/v1/reports')).toEqual([]);
    await s.connector.perform({ kind: 'report.create', accountId: 'carol', statusIds: [], comment: 'x', forward: true });
    expect(s.fake.state.forwardLog.forwards).toEqual([]);
  });

  it('declares reportCreate with forwarding', () => {
    expect(akkomaCapabilities.reportCreate).toMatchObject({ forwards: true, needsPost: false });
  });
});
