import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { syncInstance } from '@/lib/sync/sync-instance';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { connectedFake } from './support/fixtures';

const fakes: FakeMastodon[] = [];
afterEach(async () => {
  while (fakes.length) await fakes.pop()!.close();
});

async function snapshot(instanceId: string) {
  const reports = await db.report.findMany({ where: { instanceId }, orderBy: { remoteId: 'asc' } });
  const accounts = await db.account.findMany({ where: { instanceId }, orderBy: { remoteId: 'asc' } });
  const statuses = await db.status.count({ where: { instanceId } });
  const media = await db.media.count({ where: { instanceId } });
  return { reports, accounts, statuses, media };
}

describe('sync', () => {
  it('lands every open report and a second sync changes nothing', async () => {
    const { fake, instanceId } = await connectedFake({ reports: 30, seed: 3 });
    fakes.push(fake);
    const first = await syncInstance(instanceId);
    const open = fake.state.summary().reports.open;
    expect(first.created).toBe(open);
    expect(await db.report.count({ where: { instanceId, status: 'open' } })).toBe(open);
    expect(await db.media.count({ where: { instanceId } })).toBeGreaterThan(0);

    const before = await snapshot(instanceId);
    const second = await syncInstance(instanceId);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: open });
    expect(await snapshot(instanceId)).toEqual(before);
  });

  it('follows Link pagination to the end', async () => {
    const { fake, instanceId } = await connectedFake({ reports: 450, seed: 4 });
    fakes.push(fake);
    await syncInstance(instanceId);
    const listCalls = fake.state.summary();
    expect(await db.report.count({ where: { instanceId, status: 'open' } })).toBe(listCalls.reports.open);
    expect(listCalls.reports.open).toBeGreaterThan(200); // more than one page of 200
  });

  it('waits out 429s and still completes', async () => {
    const { fake, instanceId } = await connectedFake({ reports: 10, seed: 5 });
    fakes.push(fake);
    await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ remaining: 0, times: 2, windowMs: 800 }) });
    const t0 = Date.now();
    const out = await syncInstance(instanceId);
    expect(out.created).toBe(fake.state.summary().reports.open);
    expect(Date.now() - t0).toBeGreaterThan(300); // it really backed off
  });

  it('skips one malformed report, records it, and lands the others', async () => {
    const { fake, instanceId } = await connectedFake({ reports: 12, seed: 6 });
    fakes.push(fake);
    const victim = fake.state.reportsNewestFirst().find((r) => !r.actionTakenAt)!;
    await fetch(`${fake.url}/__fake/malformed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reportId: victim.id }) });
    const out = await syncInstance(instanceId);
    const open = fake.state.summary().reports.open;
    expect(out.skipped).toBe(1);
    expect(await db.report.count({ where: { instanceId } })).toBe(open - 1);
    const issues = await db.syncIssue.findMany({ where: { instanceId } });
    expect(issues).toHaveLength(1);
    expect(issues[0].remoteId).toBe(victim.id);
    // The same item failing the same way on the next sync is counted again but not recorded twice.
    expect((await syncInstance(instanceId)).skipped).toBe(1);
    expect(await db.syncIssue.count({ where: { instanceId } })).toBe(1);
  });

  it('marks a report resolved when the server resolved it', async () => {
    const { fake, instanceId } = await connectedFake({ reports: 8, seed: 7 });
    fakes.push(fake);
    await syncInstance(instanceId);
    const target = await db.report.findFirstOrThrow({ where: { instanceId, status: 'open' } });
    const res = await fetch(`${fake.url}/api/v1/admin/reports/${target.remoteId}/resolve`, { method: 'POST', headers: { authorization: `Bearer ${fake.token}` } });
    expect(res.status).toBe(200);
    await syncInstance(instanceId);
    expect((await db.report.findUniqueOrThrow({ where: { id: target.id } })).status).toBe('resolved');
  });

  it('records a failing sync on the instance with the remote error', async () => {
    const { fake, instanceId } = await connectedFake({ reports: 3, seed: 8 });
    fakes.push(fake);
    await fetch(`${fake.url}/__fake/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rolePermissions: { manageReports: false } }) });
    await expect(syncInstance(instanceId)).rejects.toThrow();
    const inst = await db.instance.findUniqueOrThrow({ where: { id: instanceId } });
    expect(inst.status).toBe('error');
    expect(inst.lastError).toMatch(/not allowed/i);
  });
});
