/**
 * The evidence route handlers (and the users route's evidence grant) against a real database and the real verbs:
 * the role each route asks the choke point for, the streaming body caps, the request shapes, the headers that keep
 * evidence bytes out of caches and inert, and one round trip: seal, refuse a moderator without the permission,
 * grant it, open an item and export the ZIP (each an audit event with its reason), extend retention, hold.
 * The session layer is a stub that applies the real role rule (sign-in has its own tests).
 */
import crypto from 'node:crypto';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MinRole, UserActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { safeFilename } from '@/app/api/evidence/attachment-headers';
import { actorFor, makeAccount, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';
import { MB, countingBody, jsonRequest, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueueCopySearch: vi.fn(async () => {}) }));

const casesRoute = await import('@/app/api/cases/route');
const panelRoute = await import('@/app/api/cases/[id]/evidence/route');
const exportRoute = await import('@/app/api/cases/[id]/evidence/export/route');
const evidenceRoute = await import('@/app/api/evidence/[evidenceId]/route');
const itemRoute = await import('@/app/api/evidence/[evidenceId]/items/[n]/route');
const settingsRoute = await import('@/app/api/settings/evidence/route');
const userRoute = await import('@/app/api/users/[id]/route');

const ANY_ID = '00000000-0000-4000-8000-0000000000e1';
const p = routeParams;
const req = jsonRequest;
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const audit = async (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });


/** Every route that changes or opens something, with a valid-looking body. */
const writes: { name: string; min: MinRole; call: (r: Request) => Promise<Response>; path: string; method: string; body: unknown }[] = [
  { name: 'seal', min: 'moderator', call: (r) => panelRoute.POST(r, p({ id: ANY_ID })), path: `/api/cases/${ANY_ID}/evidence`, method: 'POST', body: { reason: 'for the file' } },
  { name: 'export', min: 'viewer', call: (r) => exportRoute.POST(r, p({ id: ANY_ID })), path: `/api/cases/${ANY_ID}/evidence/export`, method: 'POST', body: { reason: 'for the police' } },
  { name: 'item', min: 'viewer', call: (r) => itemRoute.POST(r, p({ evidenceId: ANY_ID, n: '0' })), path: `/api/evidence/${ANY_ID}/items/0`, method: 'POST', body: { reason: 'to check' } },
  { name: 'patch', min: 'admin', call: (r) => evidenceRoute.PATCH(r, p({ evidenceId: ANY_ID })), path: `/api/evidence/${ANY_ID}`, method: 'PATCH', body: { hold: true, reason: 'court order' } },
  { name: 'settings', min: 'admin', call: (r) => settingsRoute.PUT(r), path: '/api/settings/evidence', method: 'PUT', body: { retentionDays: 400 } },
  { name: 'grant', min: 'admin', call: (r) => userRoute.PATCH(r, p({ id: ANY_ID })), path: `/api/users/${ANY_ID}`, method: 'PATCH', body: { evidenceAccess: true } },
];

let viewer: UserActor;
let moderator: UserActor;
let admin: UserActor;
let owner: UserActor;
let caseId: string;

beforeAll(async () => {
  [viewer, moderator, admin, owner] = [
    actorFor(await makeUser('viewer')), actorFor(await makeUser('moderator')), actorFor(await makeUser('admin')), actorFor(await makeUser('owner')),
  ];
  const inst = await makeInstance('evidence-routes');
  const report = await makeReport({ instanceId: inst.id, targetId: (await makeAccount(inst.id)).id, mediaCount: 1 });
  const { media, original } = await makeMediaForReport(report.id, inst.id);
  await db.media.update({ where: { id: media.id }, data: { sha256: sha(original) } });
  session.actor = moderator;
  const opened = await casesRoute.POST(req('/api/cases', 'POST', { mediaId: media.id }));
  expect(opened.status).toBe(201);
  caseId = (await opened.json()).caseId;
});

describe('who may call the evidence routes', () => {
  it('answers 401 without a session, and refuses each route below its role', async () => {
    for (const w of writes) {
      session.actor = null;
      expect((await w.call(req(w.path, w.method, w.body))).status, w.name).toBe(401);
      for (const a of [viewer, moderator]) {
        if (hasRole(a, w.min)) continue;
        session.actor = a;
        expect((await w.call(req(w.path, w.method, w.body))).status, `${w.name} as ${a.role}`).toBe(403);
      }
    }
    session.actor = null;
    expect((await panelRoute.GET(req(`/api/cases/${caseId}/evidence`), p({ id: caseId }))).status).toBe(401);
    expect((await settingsRoute.GET(req('/api/settings/evidence'))).status).toBe(401);
    session.actor = viewer;
    expect((await settingsRoute.GET(req('/api/settings/evidence'))).status).toBe(403);
  });
});

describe('request bodies', () => {
  it('stops reading a 150 MB body on every write route with 413', async () => {
    session.actor = admin;
    for (const w of writes) {
      const body = countingBody(150 * MB);
      const res = await w.call(new Request(`http://app.test${w.path}`, { method: w.method, body: body.stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit));
      expect(res.status, w.name).toBe(413);
      expect(body.pulled(), w.name).toBeLessThan(2 * MB);
    }
  });

  it('refuses malformed requests with 400', async () => {
    session.actor = admin;
    const long = 'x'.repeat(501);
    const bad: [Promise<Response>, string][] = [
      [panelRoute.POST(req(`/api/cases/${caseId}/evidence`, 'POST', { reason: ' a ' }), p({ id: caseId })), 'short reason'],
      [panelRoute.POST(req(`/api/cases/${caseId}/evidence`, 'POST', { reason: long }), p({ id: caseId })), 'long reason'],
      [panelRoute.GET(req('/api/cases/x/evidence'), p({ id: 'x' })), 'bad case id'],
      [exportRoute.POST(req(`/api/cases/${caseId}/evidence/export`, 'POST', {}), p({ id: caseId })), 'no reason'],
      [exportRoute.POST(req(`/api/cases/${caseId}/evidence/export`, 'POST', { reason: 'ok then', evidenceId: 'v1' }), p({ id: caseId })), 'bad evidence id'],
      [itemRoute.POST(req(`/api/evidence/${ANY_ID}/items/-1`, 'POST', { reason: 'ok then' }), p({ evidenceId: ANY_ID, n: '-1' })), 'negative item'],
      [itemRoute.POST(req(`/api/evidence/${ANY_ID}/items/x`, 'POST', { reason: 'ok then' }), p({ evidenceId: ANY_ID, n: 'x' })), 'item not a number'],
      [evidenceRoute.PATCH(req(`/api/evidence/${ANY_ID}`, 'PATCH', { retainUntil: '2099-01-01T00:00:00Z', hold: true, reason: 'both at once' }), p({ evidenceId: ANY_ID })), 'two changes'],
      [evidenceRoute.PATCH(req(`/api/evidence/${ANY_ID}`, 'PATCH', { retainUntil: 'next year' }), p({ evidenceId: ANY_ID })), 'not a date'],
      [evidenceRoute.PATCH(req(`/api/evidence/${ANY_ID}`, 'PATCH', { hold: true }), p({ evidenceId: ANY_ID })), 'hold without reason'],
      [settingsRoute.PUT(req('/api/settings/evidence', 'PUT', { retentionDays: 29 })), 'retention too short'],
      [settingsRoute.PUT(req('/api/settings/evidence', 'PUT', { retentionDays: 3651 })), 'retention too long'],
      [settingsRoute.PUT(req('/api/settings/evidence', 'PUT', { retentionDays: 365.5 })), 'retention not whole'],
      [userRoute.PATCH(req(`/api/users/${moderator.id}`, 'PATCH', { evidenceAccess: 'yes' }), p({ id: moderator.id })), 'grant not a boolean'],
    ];
    for (const [res, what] of bad) expect((await res).status, what).toBe(400);
  });
});

describe('evidence through the routes', () => {
  it('seals by hand; without the permission nothing opens; granted, an item and the ZIP open, each audited with its reason', async () => {
    session.actor = moderator;
    const sealed = await panelRoute.POST(req(`/api/cases/${caseId}/evidence`, 'POST', { reason: 'sealed by hand in a test' }), p({ id: caseId }));
    expect(sealed.status, JSON.stringify(await sealed.clone().json())).toBe(201);
    const seal = await sealed.json();
    expect(seal.manifestSha256).toMatch(/^[0-9a-f]{64}$/);

    const panel = await (await panelRoute.GET(req(`/api/cases/${caseId}/evidence`), p({ id: caseId }))).json();
    expect(panel.seals[0]).toMatchObject({ id: seal.evidenceId, version: seal.version, manifestSha256: seal.manifestSha256, reason: 'sealed by hand in a test', legalHold: false, destroyedAt: null });
    expect(panel.can).toMatchObject({ open: false, seal: true, manage: false });

    // A moderator without the grant: no list, no bytes, no ZIP, and nothing recorded as viewed or exported.
    expect((await evidenceRoute.GET(req(`/api/evidence/${seal.evidenceId}`), p({ evidenceId: seal.evidenceId }))).status).toBe(403);
    expect((await itemRoute.POST(req(`/api/evidence/${seal.evidenceId}/items/0`, 'POST', { reason: 'curious' }), p({ evidenceId: seal.evidenceId, n: '0' }))).status).toBe(403);
    expect((await exportRoute.POST(req(`/api/cases/${caseId}/evidence/export`, 'POST', { reason: 'curious' }), p({ id: caseId }))).status).toBe(403);
    expect(await audit('evidence.viewed')).toHaveLength(0);
    expect(await audit('evidence.exported')).toHaveLength(0);

    // An admin grants it through the users route.
    session.actor = admin;
    const granted = await userRoute.PATCH(req(`/api/users/${moderator.id}`, 'PATCH', { evidenceAccess: true }), p({ id: moderator.id }));
    expect(granted.status, JSON.stringify(await granted.clone().json())).toBe(200);
    expect((await granted.json()).user).toMatchObject({ id: moderator.id, evidenceAccess: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: moderator.id } })).evidenceAccess).toBe(true);
    expect((await audit('user.evidence_access_changed')).map((e) => e.targetId)).toEqual([moderator.id]);

    session.actor = moderator;
    const list = await evidenceRoute.GET(req(`/api/evidence/${seal.evidenceId}`), p({ evidenceId: seal.evidenceId }));
    expect(list.status).toBe(200);
    const { items } = await list.json();
    const file = items.find((i: { kind: string }) => i.kind === 'file');
    expect(file).toBeTruthy();
    const opened = await itemRoute.POST(req(`/api/evidence/${seal.evidenceId}/items/${file.n}`, 'POST', { reason: 'checking the original' }), p({ evidenceId: seal.evidenceId, n: String(file.n) }));
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.headers.get('x-content-type-options')).toBe('nosniff');
    expect(opened.headers.get('content-security-policy')).toContain('sandbox');
    expect(opened.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
    expect(decodeURIComponent(opened.headers.get('x-evidence-path') ?? '')).toBe(file.path);
    expect(sha(new Uint8Array(await opened.arrayBuffer()))).toBe(file.sha256);
    const viewed = await audit('evidence.viewed');
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ actorId: moderator.id, targetId: caseId });
    expect(viewed[0].details).toMatchObject({ evidenceId: seal.evidenceId, n: file.n, reason: 'checking the original' });

    const zipped = await exportRoute.POST(req(`/api/cases/${caseId}/evidence/export`, 'POST', { reason: 'request from the police' }), p({ id: caseId }));
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-type')).toBe('application/zip');
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    expect(zipped.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.zip"$/);
    const zip = new Uint8Array(await zipped.arrayBuffer());
    const manifest = unzipSync(zip)['manifest.json'];
    expect(sha(manifest)).toBe(seal.manifestSha256);
    const exported = await audit('evidence.exported');
    expect(exported).toHaveLength(1);
    expect(exported[0].details).toMatchObject({ reason: 'request from the police', zipSha256: sha(zip) });
  });

  it('lets an admin keep a seal longer (later only) and place a legal hold; settings round-trip', async () => {
    session.actor = admin;
    const before = (await (await panelRoute.GET(req(`/api/cases/${caseId}/evidence`), p({ id: caseId }))).json()).seals[0];
    const later = new Date(Date.parse(before.retainUntil) + 30 * 86_400_000).toISOString();
    const earlier = new Date(Date.parse(before.retainUntil) - 86_400_000).toISOString();
    const patch = (body: unknown) => evidenceRoute.PATCH(req(`/api/evidence/${before.id}`, 'PATCH', body), p({ evidenceId: before.id }));
    expect((await patch({ retainUntil: later })).status).toBe(200);
    expect((await patch({ retainUntil: earlier })).status).toBeGreaterThanOrEqual(400);
    expect((await patch({ hold: true, reason: 'preservation letter' })).status).toBe(200);
    const after = (await (await panelRoute.GET(req(`/api/cases/${caseId}/evidence`), p({ id: caseId }))).json());
    expect(after.seals[0]).toMatchObject({ retainUntil: later, legalHold: true, holdReason: 'preservation letter' });
    expect(after.can.manage).toBe(true);

    expect(await (await settingsRoute.PUT(req('/api/settings/evidence', 'PUT', { retentionDays: 400 }))).json()).toEqual({ retentionDays: 400 });
    session.actor = moderator;
    expect(await (await settingsRoute.GET(req('/api/settings/evidence'))).json()).toEqual({ retentionDays: 400 });
  });

  it('grants nothing where the team rules say no: not to oneself, not to an owner by an admin', async () => {
    session.actor = admin;
    expect((await userRoute.PATCH(req(`/api/users/${admin.id}`, 'PATCH', { evidenceAccess: true }), p({ id: admin.id }))).status).toBe(403);
    expect((await userRoute.PATCH(req(`/api/users/${owner.id}`, 'PATCH', { evidenceAccess: true }), p({ id: owner.id }))).status).toBe(403);
    const rows = await db.user.findMany({ where: { id: { in: [admin.id, owner.id] } }, select: { evidenceAccess: true } });
    expect(rows.every((r) => !r.evidenceAccess)).toBe(true);
  });
});

describe('evidence file names', () => {
  it('keeps only the last path part, in safe characters', () => {
    expect(safeFilename('copies/abc/file.png')).toBe('file.png');
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('a "quoted"\r\nname.zip')).toBe('a_quoted_name.zip');
    expect(safeFilename('...')).toBe('evidence.bin');
    expect(safeFilename('.hidden')).toBe('hidden');
  });
});
