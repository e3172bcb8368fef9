/**
 * The forward route handlers against the real verbs and a real database: the role each asks for, the request shapes
 * (400 for anything else, 413 for a huge body), and one round trip by message: the options, a prepared message, a
 * refused second forward, marked sent, read by a viewer, and no credential in any answer.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import type { FakeNcmec } from '@/e2e/fakes/ncmec/server';
import { NCMEC_PASSWORD, NCMEC_USERNAME, configureNcmec, startNcmec } from './filing-support';
import { actorFor, makeAccount, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';
import { MB, countingBody, jsonRequest, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueueCopySearch: vi.fn(async () => {}), enqueueAction: vi.fn(async () => {}) }));

const casesRoute = await import('@/app/api/cases/route');
const panelRoute = await import('@/app/api/cases/[id]/forwards/route');
const sentRoute = await import('@/app/api/forwards/[id]/sent/route');
const discardRoute = await import('@/app/api/forwards/[id]/discard/route');

const ANY_ID = '00000000-0000-4000-8000-0000000000f2';
const p = routeParams;
const req = jsonRequest;
const bodies: string[] = [];
async function read(res: Response | Promise<Response>): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await res;
  const text = await r.text();
  bodies.push(text);
  return { status: r.status, body: text ? JSON.parse(text) : {} };
}

let viewer: UserActor;
let admin: UserActor;
let caseId: string;
let fake: FakeNcmec;

beforeAll(async () => {
  fake = await startNcmec();
  await configureNcmec(fake.url);
  [viewer, admin] = [actorFor(await makeUser('viewer')), actorFor(await makeUser('admin'))];
  const inst = await makeInstance('forward-routes');
  const report = await makeReport({ instanceId: inst.id, targetId: (await makeAccount(inst.id)).id, mediaCount: 1 });
  const { media, original } = await makeMediaForReport(report.id, inst.id);
  await db.media.update({ where: { id: media.id }, data: { sha256: crypto.createHash('sha256').update(original).digest('hex') } });
  session.actor = admin;
  const opened = await casesRoute.POST(req('/api/cases', 'POST', { mediaId: media.id }));
  expect(opened.status).toBe(201);
  caseId = (await opened.json()).caseId;
  // An origin nobody here runs: the message to its admins is the way left (its contact lookup finds nothing).
  await db.case.update({ where: { id: caseId }, data: { originDomain: 'origin.invalid', originAcct: 'spreader@origin.invalid', originUrl: 'https://origin.invalid/@spreader/1', originAccountUrl: 'https://origin.invalid/@spreader' } });
});
afterAll(async () => { await fake?.close(); });

describe('who may call the forward routes', () => {
  it('answers 401 without a session and 403 to a viewer on every write', async () => {
    const writes = [
      { name: 'forward', call: () => panelRoute.POST(req(`/api/cases/${caseId}/forwards`, 'POST', { key: 'message:none' }), p({ id: caseId })) },
      { name: 'sent', call: () => sentRoute.POST(req(`/api/forwards/${ANY_ID}/sent`, 'POST'), p({ id: ANY_ID })) },
      { name: 'discard', call: () => discardRoute.POST(req(`/api/forwards/${ANY_ID}/discard`, 'POST'), p({ id: ANY_ID })) },
    ];
    for (const w of writes) {
      session.actor = null;
      expect((await read(w.call())).status, w.name).toBe(401);
      session.actor = viewer;
      expect((await read(w.call())).status, `${w.name} as viewer`).toBe(403);
    }
    session.actor = null;
    expect((await read(panelRoute.GET(req(`/api/cases/${caseId}/forwards`), p({ id: caseId })))).status).toBe(401);
    // A moderator limited to another instance cannot reach this case at all.
    session.actor = actorFor(await makeUser('moderator'), [(await makeInstance('elsewhere')).id]);
    const limited = await read(writes[0].call());
    expect([403, 404], 'limited moderator').toContain(limited.status);
    expect(await db.caseForward.count({ where: { caseId } })).toBe(0);
  });
});

describe('request shapes', () => {
  it('refuses malformed requests with 400', async () => {
    session.actor = admin;
    const post = (body: unknown, id = caseId) => panelRoute.POST(req(`/api/cases/${id}/forwards`, 'POST', body), p({ id }));
    const bad: [Promise<Response>, string][] = [
      [post({}), 'no key'],
      [post({ key: '' }), 'empty key'],
      [post({ key: 'x'.repeat(201) }), 'long key'],
      [post({ key: 'message:none', to: 'elsewhere' }), 'extra field'],
      [post({ key: 7 }), 'key not a string'],
      [post('{"key":'), 'malformed JSON'],
      [post({ key: 'message:none' }, 'x'), 'bad case id'],
      [panelRoute.GET(req('/api/cases/x/forwards'), p({ id: 'x' })), 'panel bad id'],
      [sentRoute.POST(req('/api/forwards/x/sent', 'POST'), p({ id: 'x' })), 'sent bad id'],
      [discardRoute.POST(req('/api/forwards/1/discard', 'POST'), p({ id: '1' })), 'discard bad id'],
    ];
    for (const [res, name] of bad) expect((await read(res)).status, name).toBe(400);
    const body = countingBody(150 * MB);
    const big = new Request(`http://app.test/api/cases/${caseId}/forwards`, { method: 'POST', body: body.stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect((await read(panelRoute.POST(big, p({ id: caseId })))).status, '150 MB body').toBe(413);
    expect(body.pulled()).toBeLessThan(2 * MB);
  });
});

describe('a round trip with the real verbs', () => {
  it('prepares a message once, refuses a second forward, records it sent, and a viewer reads it', async () => {
    session.actor = admin;
    const panel = await read(panelRoute.GET(req(`/api/cases/${caseId}/forwards`), p({ id: caseId })));
    expect(panel.status).toBe(200);
    expect(panel.body).toMatchObject({ domain: 'origin.invalid', live: false, forwards: [] });
    const options = panel.body.options as { key: string; method: string; unavailable: string | null }[];
    const message = options.find((o) => o.method === 'message');
    expect(message?.unavailable).toBeNull();

    const made = await read(panelRoute.POST(req(`/api/cases/${caseId}/forwards`, 'POST', { key: message?.key }), p({ id: caseId })));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ method: 'message', state: 'prepared', domain: 'origin.invalid' });
    expect(String(made.body.message)).toContain('https://origin.invalid/@spreader/1');
    const forwardId = String(made.body.id);

    const twice = await read(panelRoute.POST(req(`/api/cases/${caseId}/forwards`, 'POST', { key: message?.key }), p({ id: caseId })));
    expect(twice.status).toBe(409);
    expect(await db.caseForward.count({ where: { caseId } })).toBe(1);

    const sent = await read(sentRoute.POST(req(`/api/forwards/${forwardId}/sent`, 'POST'), p({ id: forwardId })));
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ id: forwardId, state: 'marked_sent' });
    expect((await read(discardRoute.POST(req(`/api/forwards/${forwardId}/discard`, 'POST'), p({ id: forwardId })))).status).toBeGreaterThanOrEqual(400);

    session.actor = viewer;
    const seen = await read(panelRoute.GET(req(`/api/cases/${caseId}/forwards`), p({ id: caseId })));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ live: true, can: { forward: false } });
  }, 30_000);
});

describe('credentials', () => {
  it('never answers with the NCMEC username or password', () => {
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) {
      expect(b).not.toContain(NCMEC_USERNAME);
      expect(b).not.toContain(NCMEC_PASSWORD);
    }
  });
});
