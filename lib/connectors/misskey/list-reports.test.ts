import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { RemoteReport } from '../types';
import { caught, errorText, withFake, type FakeSetup } from './test-support/with-fake';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('Misskey listReports', () => {
  it('pages newest-first through every open report to the end', async () => {
    setup = await withFake({ reports: 45, seed: 7 });
    const { fake, connector } = setup;
    const seen: RemoteReport[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await connector.listReports({ resolved: false, cursor, limit: 10 });
      expect(page.skipped).toEqual([]);
      seen.push(...page.items);
      cursor = page.next;
      pages++;
    } while (cursor && pages < 20);
    const open = [...fake.state.reports.values()].filter((r) => !r.resolved);
    expect(seen.map((r) => r.remoteId)).toEqual(open.map((r) => r.id).sort().reverse());
    expect(seen.every((r) => !r.resolved && r.category === 'other')).toBe(true);
    expect(pages).toBe(Math.floor(open.length / 10) + 1);
  });

  it('lists resolved reports with their assignee', async () => {
    setup = await withFake({ reports: 20 });
    const page = await setup.connector.listReports({ resolved: true, limit: 100 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r) => r.resolved && r.assignee?.username === 'admin')).toBe(true);
    expect(page.next).toBeNull();
  });

  it('skips a malformed report with its error and keeps the rest of the page', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const good = fake.addReport({ resolved: false, noteCount: 0 });
    const bad = fake.addReport({ resolved: false, noteCount: 0 });
    const res = await fetch(`${fake.url}/__fake/malformed`, { method: 'POST', body: JSON.stringify({ reportId: bad.id }) });
    expect(res.ok).toBe(true);
    const page = await connector.listReports({ resolved: false });
    expect(page.items.map((r) => r.remoteId)).toEqual([good.id]);
    expect(page.skipped).toHaveLength(1);
    expect(page.skipped[0].remoteId).toBe(bad.id);
    expect(page.skipped[0].error).toMatch(/targetUser/);
  });

  it('resolves local note links in the comment to statuses with drive media', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const added = fake.addReport({ resolved: false, noteCount: 2, filesPerNote: 2 });
    const record = fake.report(added.id)!;
    record.comment += '\nalso https://elsewhere.example/notes/abc123 and a deleted one ' + `${fake.url}/notes/zzzzzzzzzz`;
    const [report] = (await connector.listReports({ resolved: false })).items;
    expect(report.statuses).toHaveLength(2); // the remote and the deleted links are left in the comment
    const media = report.statuses.flatMap((s) => s.media);
    expect(media).toHaveLength(4);
    for (const m of media) {
      expect(m.type).toBe('image');
      expect(m.url.startsWith(`${fake.url}/files/`)).toBe(true);
      expect(m.previewUrl).toContain('thumbnail=1');
    }
    const image = await fetch(media[0].url);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
    expect(report.statuses[0].contentHtml).toContain('<br>');
    expect(report.comment).toContain('elsewhere.example');
  });

  it('waits out a rate limit through the injected sleep and then succeeds', async () => {
    setup = await withFake({ reports: 5 });
    const { fake, connector, sleeps } = setup;
    await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 2 }) });
    const page = await connector.listReports({ resolved: false });
    expect(page.items.length).toBe([...fake.state.reports.values()].filter((r) => !r.resolved).length);
    expect(sleeps).toHaveLength(2);
    expect(sleeps.every((ms) => ms >= 1000)).toBe(true); // Retry-After: at least one second
  });

  it('gives up with rate_limited and a retry time when the limit persists', async () => {
    setup = await withFake({ reports: 5 });
    const { fake, connector, sleeps } = setup;
    await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 50 }) });
    const err = await caught(() => connector.listReports({ resolved: false }));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('rate_limited');
    expect((err as AppError).details?.retryAt).toEqual(expect.any(String));
    expect(sleeps).toHaveLength(3); // maxAttempts 4
  });

  it('reports a wrong token as forbidden without ever echoing it', async () => {
    const token = 'wrong-token-SECRET-123';
    setup = await withFake({ reports: 3 }, token);
    const err = await caught(() => setup!.connector.listReports({ resolved: false }));
    expect((err as AppError).code).toBe('forbidden');
    expect((err as AppError).details?.code).toBe('AUTHENTICATION_FAILED');
    expect(errorText(err)).not.toContain(token);
  });

  it('redacts the token when a hostile server echoes the request body in its error', async () => {
    const echo = async (_url: string, init?: RequestInit) =>
      new Response(JSON.stringify({ error: { message: `bad request ${String(init?.body)}`, code: 'INTERNAL_ERROR', id: 'x', kind: 'server' } }), { status: 400 });
    setup = await withFake({ reports: 1 }, undefined, echo);
    const err = await caught(() => setup!.connector.listReports({ resolved: false }));
    expect((err as AppError).code).toBe('remote_error');
    expect(errorText(err)).not.toContain(setup.fake.token);
    expect((err as AppError).message).toContain('[redacted]');
  });
});

describe('Misskey getReport', () => {
  it('pages until it finds the report, resolved or not', async () => {
    setup = await withFake({ reports: 150, seed: 3 });
    const { fake, connector } = setup;
    const oldest = [...fake.state.reports.values()][0];
    const report = await connector.getReport(oldest.id);
    expect(report.remoteId).toBe(oldest.id);
    expect(report.target.remoteId).toBe(oldest.targetUserId);
  });

  it('throws not_found for an unknown id', async () => {
    setup = await withFake({ reports: 5 });
    const err = await caught(() => setup!.connector.getReport('0000000000'));
    expect((err as AppError).code).toBe('not_found');
  });
});

describe('Misskey getReport after a reported note was deleted through the app (contract I2)', () => {
  it('still reads the report, leaving out the note that notes/show now answers NO_SUCH_NOTE for', async () => {
    setup = await withFake({ reports: 0 });
    const packed = setup.fake.addReport({ noteCount: 2, filesPerNote: 1, resolved: false });
    const before = await setup.connector.getReport(packed.id);
    expect(before.statuses).toHaveLength(2);
    const [gone, kept] = before.statuses.map((s) => s.remoteId);
    await setup.connector.perform({ kind: 'status.delete', statusId: gone });
    const res = await fetch(`${setup.fake.url}/api/notes/show`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ noteId: gone }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'NO_SUCH_NOTE', id: '24fcbfc6-2e37-42b6-8388-c29b3861a08d' });
    const after = await setup.connector.getReport(packed.id);
    expect(after.statuses.map((s) => s.remoteId)).toEqual([kept]);
    expect(after.createdAt).toBe(before.createdAt);
    const page = await setup.connector.listReports({ resolved: false, limit: 100 });
    expect(page.items.find((r) => r.remoteId === packed.id)?.statuses.map((s) => s.remoteId)).toEqual([kept]);
    expect(page.skipped).toEqual([]);
  });
});
