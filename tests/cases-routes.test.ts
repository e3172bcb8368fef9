/**
 * The cases route handlers against a real database: the role each route asks the choke point for (viewers read,
 * never change), the streaming body caps, the request shapes, and one round trip through the real verbs.
 * The session layer is a stub that applies the real role rule (sign-in has its own tests).
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MinRole, UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { actorFor, makeAccount, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';
import { MB, countingBody, jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
// No job runner in this test: the copy search stays queued in the database.
vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueueCopySearch: vi.fn(async () => {}) }));

const casesRoute = await import('@/app/api/cases/route');
const caseRoute = await import('@/app/api/cases/[id]/route');
const notesRoute = await import('@/app/api/cases/[id]/notes/route');
const searchRoute = await import('@/app/api/cases/[id]/search/route');
const resolveRoute = await import('@/app/api/cases/[id]/resolve/route');
const settingsRoute = await import('@/app/api/settings/cases/route');

const ANY_ID = '00000000-0000-4000-8000-0000000000c1';
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const req = jsonRequest;


/** Every route that changes something, with a valid-looking body. */
const writes: { name: string; min: MinRole; call: (r: Request) => Promise<Response>; path: string; method: string; body: unknown }[] = [
  { name: 'open', min: 'moderator', call: (r) => casesRoute.POST(r), path: '/api/cases', method: 'POST', body: { mediaId: ANY_ID } },
  { name: 'patch', min: 'moderator', call: (r) => caseRoute.PATCH(r, params(ANY_ID)), path: `/api/cases/${ANY_ID}`, method: 'PATCH', body: { assigneeId: 'me' } },
  { name: 'note', min: 'moderator', call: (r) => notesRoute.POST(r, params(ANY_ID)), path: `/api/cases/${ANY_ID}/notes`, method: 'POST', body: { body: 'x' } },
  { name: 'search', min: 'moderator', call: (r) => searchRoute.POST(r, params(ANY_ID)), path: `/api/cases/${ANY_ID}/search`, method: 'POST', body: {} },
  { name: 'resolve', min: 'moderator', call: (r) => resolveRoute.POST(r, params(ANY_ID)), path: `/api/cases/${ANY_ID}/resolve`, method: 'POST', body: { resolveReports: true } },
  { name: 'settings', min: 'admin', call: (r) => settingsRoute.PUT(r), path: '/api/settings/cases', method: 'PUT', body: { autoOpenSeverity: 5 } },
];

let viewer: UserActor;
let moderator: UserActor;
let admin: UserActor;
let seeded: { mediaId: string; reportId: string };

beforeAll(async () => {
  [viewer, moderator, admin] = [actorFor(await makeUser('viewer')), actorFor(await makeUser('moderator')), actorFor(await makeUser('admin'))];
  const inst = await makeInstance('cases-routes');
  const report = await makeReport({ instanceId: inst.id, targetId: (await makeAccount(inst.id)).id, mediaCount: 1 });
  const { media, original } = await makeMediaForReport(report.id, inst.id);
  await db.media.update({ where: { id: media.id }, data: { sha256: crypto.createHash('sha256').update(original).digest('hex') } });
  seeded = { mediaId: media.id, reportId: report.id };
});

describe('who may call the cases routes', () => {
  it('answers 401 without a session, and refuses every change to a viewer (and settings to a moderator)', async () => {
    session.actor = null;
    expect((await casesRoute.GET(req('/api/cases'))).status).toBe(401);
    for (const w of writes) {
      session.actor = null;
      expect((await w.call(req(w.path, w.method, w.body))).status, w.name).toBe(401);
      session.actor = viewer;
      expect((await w.call(req(w.path, w.method, w.body))).status, w.name).toBe(403);
    }
    session.actor = moderator;
    expect((await settingsRoute.PUT(req('/api/settings/cases', 'PUT', { autoOpenSeverity: 5 }))).status).toBe(403);
  });

  it('lets a viewer read the list', async () => {
    session.actor = viewer;
    const res = await casesRoute.GET(req('/api/cases?state=all'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('request bodies', () => {
  it('stops reading a 150 MB body on every write route with 413', async () => {
    session.actor = admin;
    // "Search again" takes no body and never reads one.
    for (const w of writes.filter((x) => x.name !== 'search')) {
      const body = countingBody(150 * MB);
      const res = await w.call(new Request(`http://app.test${w.path}`, { method: w.method, body: body.stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit));
      expect(res.status, w.name).toBe(413);
      expect(body.pulled(), w.name).toBeLessThan(2 * MB);
    }
  });

  it('refuses malformed requests with 400', async () => {
    session.actor = moderator;
    const bad: [Promise<Response>, string][] = [
      [casesRoute.POST(req('/api/cases', 'POST', { reportId: seeded.reportId, mediaId: seeded.mediaId })), 'both ids'],
      [casesRoute.POST(req('/api/cases', 'POST', {})), 'no id'],
      [casesRoute.POST(req('/api/cases', 'POST', { mediaId: 'nope' })), 'not a uuid'],
      [casesRoute.GET(req('/api/cases?state=everything')), 'state'],
      [caseRoute.PATCH(req(`/api/cases/${ANY_ID}`, 'PATCH', {}), params(ANY_ID)), 'empty patch'],
      [caseRoute.PATCH(req(`/api/cases/${ANY_ID}`, 'PATCH', { state: 'purged' }), params(ANY_ID)), 'state not settable'],
      [caseRoute.PATCH(req(`/api/cases/${ANY_ID}`, 'PATCH', { owner: 'x' }), params(ANY_ID)), 'unknown field'],
      [caseRoute.GET(req('/api/cases/x'), params('x')), 'bad id'],
      [notesRoute.POST(req(`/api/cases/${ANY_ID}/notes`, 'POST', { body: '   ' }), params(ANY_ID)), 'blank note'],
      [resolveRoute.POST(req(`/api/cases/${ANY_ID}/resolve`, 'POST', {}), params(ANY_ID)), 'resolveReports missing'],
    ];
    for (const [res, what] of bad) expect((await res).status, what).toBe(400);
  });
});

describe('a case through the routes', () => {
  it('opens a case from a media item, finds it again, lists it, assigns it, takes a note; a viewer reads it without controls', async () => {
    session.actor = moderator;
    const opened = await casesRoute.POST(req('/api/cases', 'POST', { mediaId: seeded.mediaId }));
    expect(opened.status, JSON.stringify(await opened.clone().json())).toBe(201);
    const { caseId, number, created } = await opened.json();
    expect(created).toBe(true);
    // The same item again: the existing case, not a second one.
    const again = await casesRoute.POST(req('/api/cases', 'POST', { reportId: seeded.reportId }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ caseId, number, created: false });

    // The report page now leads to the case, for the report and for its media item.
    const { GET: reportGet } = await import('@/app/api/reports/[id]/route');
    const report = await (await reportGet(req(`/api/reports/${seeded.reportId}`), params(seeded.reportId))).json();
    expect(report.case).toMatchObject({ id: caseId, number, reports: 1, instances: 1 });
    expect(report.statuses[0].media[0].case).toEqual({ id: caseId, number });

    const list = await (await casesRoute.GET(req('/api/cases'))).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(caseId);

    const patched = await caseRoute.PATCH(req(`/api/cases/${caseId}`, 'PATCH', { assigneeId: 'me', title: 'Synthetic test item' }), params(caseId));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: caseId, title: 'Synthetic test item', assignee: { id: moderator.id } });

    expect((await notesRoute.POST(req(`/api/cases/${caseId}/notes`, 'POST', { body: 'Seen on three servers.' }), params(caseId))).status).toBe(201);
    expect((await searchRoute.POST(req(`/api/cases/${caseId}/search`, 'POST'), params(caseId))).status).toBe(202);

    session.actor = viewer;
    const read = await caseRoute.GET(req(`/api/cases/${caseId}`), params(caseId));
    expect(read.status).toBe(200);
    const detail = await read.json();
    expect(detail.notes.map((n: { body: string }) => n.body)).toContain('Seen on three servers.');
    expect(detail.can).toEqual({ edit: false, searchAgain: false, resolveReports: false });
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.opened', 'case.assigned', 'case.note_added', 'case.lookup_requested']));

    session.actor = moderator;
    const closed = await caseRoute.PATCH(req(`/api/cases/${caseId}`, 'PATCH', { state: 'closed', reason: 'test' }), params(caseId));
    expect(await closed.json()).toMatchObject({ state: 'closed' });
    const reopened = await caseRoute.PATCH(req(`/api/cases/${caseId}`, 'PATCH', { state: 'open' }), params(caseId));
    expect(await reopened.json()).toMatchObject({ state: 'open' });
    expect((await caseRoute.GET(req(`/api/cases/${ANY_ID}`), params(ANY_ID))).status).toBe(404);
  });

  it('reads and changes the automatic-case settings as an admin', async () => {
    session.actor = admin;
    const put = await settingsRoute.PUT(req('/api/settings/cases', 'PUT', { autoOpenSeverity: 5, autoOpenLabels: ['csam', 'ncii'] }));
    expect(put.status).toBe(200);
    session.actor = moderator;
    expect(await (await settingsRoute.GET(req('/api/settings/cases'))).json()).toEqual({ autoOpenSeverity: 5, autoOpenLabels: ['csam', 'ncii'] });
    session.actor = admin;
    expect((await settingsRoute.PUT(req('/api/settings/cases', 'PUT', { autoOpenSeverity: 9 }))).status).toBe(400);
  });
});
