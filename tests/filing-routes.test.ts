/**
 * The CyberTipline route handlers against a real database, the real verbs and the fake CyberTipline: the role each
 * route asks for, the filing permission the verbs check (a moderator without it gets 403), the request shapes
 * (400 for anything else), and one round trip: preview, a refused stale hash, file once (a second call returns the
 * same filing), a rejected upload retried, then retracted. No response ever carries the NCMEC credentials.
 * The session layer is a stub that applies the real role rule; the job queue is a spy (the driver is run inline).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { runFiling } from '@/lib/filing/run-filing';
import type { FakeNcmec } from '@/e2e/fakes/ncmec/server';
import { NCMEC_PASSWORD, NCMEC_USERNAME, configureNcmec, failNext, startNcmec } from './filing-support';
import { actorFor, makeAccount, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';
import { MB, countingBody, jsonRequest, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const queued = vi.hoisted(() => ({ filings: [] as string[] }));
vi.mock('@/lib/jobs/enqueue', async (orig) => ({
  ...(await orig<object>()),
  enqueueCopySearch: vi.fn(async () => {}),
  enqueueFilingRun: vi.fn(async (id: string) => { queued.filings.push(id); }),
}));

const casesRoute = await import('@/app/api/cases/route');
const panelRoute = await import('@/app/api/cases/[id]/filings/route');
const previewRoute = await import('@/app/api/cases/[id]/filings/preview/route');
const retryRoute = await import('@/app/api/filings/[id]/retry/route');
const retractRoute = await import('@/app/api/filings/[id]/retract/route');

const ANY_ID = '00000000-0000-4000-8000-0000000000f1';
const p = routeParams;
const req = jsonRequest;
const SHA = 'a'.repeat(64);
/** Every answer's text, checked at the end for the credentials. */
const bodies: string[] = [];
async function read(res: Response | Promise<Response>): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await res;
  const text = await r.text();
  bodies.push(text);
  return { status: r.status, body: text ? JSON.parse(text) : {} };
}

let viewer: UserActor;
let moderator: UserActor;
let admin: UserActor;
let caseId: string;
let fake: FakeNcmec;

beforeAll(async () => {
  fake = await startNcmec();
  await configureNcmec(fake.url);
  [viewer, moderator, admin] = [actorFor(await makeUser('viewer')), actorFor(await makeUser('moderator')), actorFor(await makeUser('admin'))];
  const inst = await makeInstance('filing-routes');
  const report = await makeReport({ instanceId: inst.id, targetId: (await makeAccount(inst.id)).id, mediaCount: 1 });
  const { media, original } = await makeMediaForReport(report.id, inst.id);
  await db.media.update({ where: { id: media.id }, data: { sha256: crypto.createHash('sha256').update(original).digest('hex') } });
  session.actor = moderator;
  const opened = await casesRoute.POST(req('/api/cases', 'POST', { mediaId: media.id }));
  expect(opened.status).toBe(201);
  caseId = (await opened.json()).caseId;
});
afterAll(async () => { await fake?.close(); });

const writes = (id: string) => [
  { name: 'preview', call: () => previewRoute.POST(req(`/api/cases/${id}/filings/preview`, 'POST'), p({ id })) },
  { name: 'file', call: () => panelRoute.POST(req(`/api/cases/${id}/filings`, 'POST', { to: 'ncmec', reportSha256: SHA }), p({ id })) },
  { name: 'retry', call: () => retryRoute.POST(req(`/api/filings/${ANY_ID}/retry`, 'POST'), p({ id: ANY_ID })) },
  { name: 'retract', call: () => retractRoute.POST(req(`/api/filings/${ANY_ID}/retract`, 'POST'), p({ id: ANY_ID })) },
];

describe('who may call the filing routes', () => {
  it('answers 401 without a session and 403 to a viewer on every write; a viewer still reads the panel', async () => {
    for (const w of writes(caseId)) {
      session.actor = null;
      expect((await read(w.call())).status, w.name).toBe(401);
      session.actor = viewer;
      expect((await read(w.call())).status, `${w.name} as viewer`).toBe(403);
    }
    session.actor = null;
    expect((await read(panelRoute.GET(req(`/api/cases/${caseId}/filings`), p({ id: caseId })))).status).toBe(401);
    session.actor = viewer;
    const seen = await read(panelRoute.GET(req(`/api/cases/${caseId}/filings`), p({ id: caseId })));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ configured: true, filings: [], can: { file: false } });
  });

  it('refuses a moderator without the filing permission with its message, and lets one with it preview', async () => {
    session.actor = moderator;
    for (const w of writes(caseId).slice(0, 2)) {
      const res = await read(w.call());
      expect(res.status, w.name).toBe(403);
      expect(JSON.stringify(res.body), w.name).toContain('Filing to CyberTipline needs the filing permission');
    }
    expect((await read(panelRoute.GET(req(`/api/cases/${caseId}/filings`), p({ id: caseId })))).body).toMatchObject({ can: { file: false } });
    await db.user.update({ where: { id: moderator.id }, data: { filingAccess: true } });
    expect((await read(panelRoute.GET(req(`/api/cases/${caseId}/filings`), p({ id: caseId })))).body).toMatchObject({ can: { file: true } });
    expect((await read(previewRoute.POST(req(`/api/cases/${caseId}/filings/preview`, 'POST'), p({ id: caseId })))).status).toBe(200);
    await db.user.update({ where: { id: moderator.id }, data: { filingAccess: false } });
    expect((await read(previewRoute.POST(req(`/api/cases/${caseId}/filings/preview`, 'POST'), p({ id: caseId })))).status).toBe(403);
  });
});

describe('request shapes', () => {
  it('refuses malformed requests with 400 and files nothing', async () => {
    session.actor = admin;
    const file = (body: unknown, id = caseId) => panelRoute.POST(req(`/api/cases/${id}/filings`, 'POST', body), p({ id }));
    const bad: [Promise<Response>, string][] = [
      [file({}), 'empty'],
      [file({ reportSha256: SHA }), 'no destination'],
      [file({ to: 'fbi', reportSha256: SHA }), 'unknown destination'],
      [file({ to: 'ncmec' }), 'no hash'],
      [file({ to: 'ncmec', reportSha256: 'abc' }), 'short hash'],
      [file({ to: 'ncmec', reportSha256: 'A'.repeat(64) }), 'upper-case hash'],
      [file({ to: 'ncmec', reportSha256: SHA, force: true }), 'extra key'],
      [file('{"to":"ncmec",'), 'malformed JSON'],
      [file({ to: 'ncmec', reportSha256: SHA }, 'x'), 'bad case id'],
      [previewRoute.POST(req('/api/cases/x/filings/preview', 'POST'), p({ id: 'x' })), 'preview bad id'],
      [panelRoute.GET(req('/api/cases/x/filings'), p({ id: 'x' })), 'panel bad id'],
      [retryRoute.POST(req('/api/filings/x/retry', 'POST'), p({ id: 'x' })), 'retry bad id'],
      [retractRoute.POST(req('/api/filings/1/retract', 'POST'), p({ id: '1' })), 'retract bad id'],
    ];
    for (const [res, name] of bad) expect((await read(res)).status, name).toBe(400);
    expect(await db.filing.count()).toBe(0);
  });

  it('stops reading a 150 MB body with 413', async () => {
    session.actor = admin;
    const body = countingBody(150 * MB);
    const big = new Request(`http://app.test/api/cases/${caseId}/filings`, { method: 'POST', body: body.stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect((await read(panelRoute.POST(big, p({ id: caseId })))).status).toBe(413);
    expect(body.pulled()).toBeLessThan(2 * MB);
  });
});

describe('a round trip', () => {
  it('previews, refuses a stale hash, files once, retries a rejected upload and retracts', async () => {
    session.actor = admin;
    const preview = await read(previewRoute.POST(req(`/api/cases/${caseId}/filings/preview`, 'POST'), p({ id: caseId })));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ to: 'ncmec', environment: 'custom' });
    const sha = String(preview.body.reportSha256);
    expect(String(preview.body.reportXml)).toContain('<report');

    const stale = await read(panelRoute.POST(req(`/api/cases/${caseId}/filings`, 'POST', { to: 'ncmec', reportSha256: SHA }), p({ id: caseId })));
    expect(stale.status).toBe(409);
    expect(await db.filing.count()).toBe(0);

    const filed = await read(panelRoute.POST(req(`/api/cases/${caseId}/filings`, 'POST', { to: 'ncmec', reportSha256: sha }), p({ id: caseId })));
    expect(filed.status).toBe(202);
    expect(filed.body).toMatchObject({ created: true, filing: { state: 'pending' } });
    const filingId = String((filed.body.filing as { id: string }).id);
    expect(queued.filings).toEqual([filingId]);
    const again = await read(panelRoute.POST(req(`/api/cases/${caseId}/filings`, 'POST', { to: 'ncmec', reportSha256: sha }), p({ id: caseId })));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, filing: { id: filingId } });
    expect(await db.filing.count()).toBe(1);

    // Nothing to retry or retract before anything went wrong or reached CyberTipline.
    expect((await read(retryRoute.POST(req(`/api/filings/${filingId}/retry`, 'POST'), p({ id: filingId })))).status).toBeGreaterThanOrEqual(400);
    expect((await read(retractRoute.POST(req(`/api/filings/${filingId}/retract`, 'POST'), p({ id: filingId })))).status).toBeGreaterThanOrEqual(400);

    await failNext(fake.url, 'upload', 1100, 'Upload refused by the test');
    expect(await runFiling(filingId)).toBe('problem');
    const panel = await read(panelRoute.GET(req(`/api/cases/${caseId}/filings`), p({ id: caseId })));
    const shown = (panel.body.filings as { state: string; problem: string; lastError: string; reportId: string; can: { retry: boolean; retract: boolean } }[])[0];
    expect(shown).toMatchObject({ state: 'submitted', problem: 'rejected', can: { retry: true, retract: true } });
    expect(shown.lastError).toContain('Upload refused by the test');
    expect(shown.reportId).toBeTruthy();

    const retried = await read(retryRoute.POST(req(`/api/filings/${filingId}/retry`, 'POST'), p({ id: filingId })));
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ problem: null, state: 'submitted' });

    const retracted = await read(retractRoute.POST(req(`/api/filings/${filingId}/retract`, 'POST'), p({ id: filingId })));
    expect(retracted.status).toBe(200);
    expect(retracted.body).toMatchObject({ state: 'retracted', reportId: shown.reportId });
    expect((await read(retractRoute.POST(req(`/api/filings/${filingId}/retract`, 'POST'), p({ id: filingId })))).status).toBe(409);
  });

  it('never answers with the NCMEC username or password', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const b of bodies) {
      expect(b).not.toContain(NCMEC_USERNAME);
      expect(b).not.toContain(NCMEC_PASSWORD);
      expect(b).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
    }
  });
});
