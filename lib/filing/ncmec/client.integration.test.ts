/** The client against the fake CyberTipline (e2e/fakes/ncmec), through the production SSRF-safe fetch. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNcmec, type FakeNcmec } from '@/e2e/fakes/ncmec/server';
import { AppError } from '@/lib/errors';
import { createSafeFetch } from '@/lib/net/safe-fetch';
import { createNcmecClient, type NcmecClient } from './client';
import { buildFileDetailsXml } from './file-details-xml';
import { CSAM_INCIDENT_TYPE } from './incident-types';
import { buildReportXml } from './report-xml';

const creds = { username: 'esp-synthetic', password: 'pw-Synthetic-4567' };
const urls = ['https://m.example/@u/1', 'https://g.example/@u/statuses/2', 'https://k.example/notes/3', 'https://p.example/w/4'];
const files = [
  { name: 'a.png', bytes: new TextEncoder().encode('synthetic-file-A') },
  { name: 'b.mp4', bytes: new TextEncoder().encode('synthetic-file-B') },
];
const hex = (alg: string, b: Uint8Array) => createHash(alg).update(b).digest('hex');

const reportXml = buildReportXml({
  incidentType: CSAM_INCIDENT_TYPE, incidentDateTime: new Date('2026-11-30T10:00:00Z'), urls,
  reporter: { firstName: 'Ada', lastName: 'Example', email: 'safety@collective.example' },
  reported: { espService: 'mastodon', screenName: 'u@m.example', profileUrls: ['https://m.example/@u'] },
  additionalInfo: 'Synthetic case for tests.',
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e: unknown = await p.then(() => null, (x: unknown) => x);
  if (e instanceof AppError) return e;
  throw new Error(`expected an AppError, got ${String(e)}`);
}

describe.each([200, 400])('CyberTipline client against the fake (error answers with HTTP %i)', (errorStatus) => {
  let fake: FakeNcmec;
  let client: NcmecClient;
  const clientWith = (password: string) =>
    createNcmecClient({
      baseUrl: `${fake.url}/ispws`, username: creds.username, password,
      fetch: createSafeFetch({ exemptOrigin: new URL(fake.url).origin, maxBytes: 1 << 20, timeoutMs: 10_000, maxRedirects: 0 }),
    });
  const reports = async (): Promise<unknown> => (await fetch(`${fake.url}/__fake/reports`)).json();

  beforeAll(async () => {
    fake = await startFakeNcmec({ ...creds, errorStatus });
    client = clientWith(creds.password);
  });
  afterAll(async () => fake.close());

  it('status answers with the right credentials and names the settings with the wrong ones', async () => {
    expect((await client.status()).responseCode).toBe(0);
    const e = await errorOf(clientWith('wrong-password-x').status());
    expect(e.userMessage).toMatch(/username or password/);
  });

  it('submit, upload (MD5 matches), fileinfo with both hashes, finish', async () => {
    const { reportId } = await client.submit(reportXml);
    const uploaded = [];
    for (const f of files) {
      const up = await client.upload(reportId, f.name, f.bytes);
      expect(up.hash).toBe(hex('md5', f.bytes));
      uploaded.push({ ...f, fileId: up.fileId });
    }
    for (const f of uploaded) {
      await client.fileInfo(buildFileDetailsXml({
        reportId, fileId: f.fileId, originalFileName: f.name, locationOfFile: urls[0], fileViewedByEsp: true, publiclyAvailable: true,
        md5: hex('md5', f.bytes), sha256: hex('sha256', f.bytes),
      }));
    }
    const done = await client.finish(reportId);
    expect(done.kind).toBe('reportDoneResponse');
    expect([...done.fileIds].sort()).toEqual(uploaded.map((f) => f.fileId).sort());

    const stored = fake.state.reports.get(Number(reportId));
    expect(stored?.state).toBe('finished');
    expect(stored?.files.map((f) => f.md5)).toEqual(files.map((f) => hex('md5', f.bytes)));
    expect(stored?.fileinfos).toHaveLength(2);
    for (const u of urls) expect(stored?.xml).toContain(`<url>${u}</url>`);
    expect(JSON.stringify(await reports())).toContain(reportId);
  });

  it('retract works before finish, and a finished report cannot be retracted', async () => {
    const open = await client.submit(reportXml);
    expect((await client.retract(open.reportId)).responseCode).toBe(0);
    expect(fake.state.reports.get(Number(open.reportId))?.state).toBe('retracted');

    const closed = await client.submit(reportXml);
    await client.finish(closed.reportId);
    const e = await errorOf(client.retract(closed.reportId));
    expect(e.code).toBe('remote_error');
    expect(e.userMessage).toMatch(/^CyberTipline: .+ \(code \d+\)$/);
  });

  it('a misordered report is rejected with its description', async () => {
    const swapped = reportXml.replace(/(<incidentSummary>.*<\/incidentSummary>)(<internetDetails>.*<\/internetDetails>)/, '$2$1');
    expect(swapped).not.toBe(reportXml);
    const e = await errorOf(client.submit(swapped));
    expect(e.userMessage).toMatch(/^CyberTipline: .+ \(code [1-9]\d*\)$/);
  });

  it('an armed nonzero code surfaces its exact description', async () => {
    await fetch(`${fake.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ endpoint: 'submit', code: 4321, description: 'Synthetic rejection' }) });
    expect((await errorOf(client.submit(reportXml))).userMessage).toBe('CyberTipline: Synthetic rejection (code 4321)');
  });
});
