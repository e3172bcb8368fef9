/**
 * New media join open cases: through the real media job (a file served over HTTP, fetched, hashed, matched, then
 * the case hook), and through attachMediaToCases directly for the PDQ near-duplicate and the closed-case rule.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { attachMediaToCases } from '@/lib/cases/attach-media';
import { openCase } from '@/lib/cases/open-case';
import { setCaseState } from '@/lib/cases/set-case-state';
import { linkSyncedReports } from '@/lib/cases/link-synced-reports';
import { upsertCaseCopy } from '@/lib/cases/upsert-copy';
import { recountCase } from '@/lib/cases/recount-case';
import { addCaseNote } from '@/lib/cases/add-case-note';
import { MEDIA_HASH_SELECT } from '@/lib/matching/match-batch';
import { ingestMedia } from '@/lib/media/ingest-media';
import { knownBadImage } from '@/e2e/fakes/federation/known-bad';
import { systemActor } from './support/fixtures';
import { knownBadHashes, makeInstance, makePost, unrelatedHashes } from './cases-core-fixtures';

let server: http.Server;
let base = '';

beforeAll(async () => {
  const png = await knownBadImage();
  server = http.createServer((req, res) => {
    if (req.url === '/known-bad.png') { res.writeHead(200, { 'content-type': 'image/png' }); res.end(png); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const hashRow = (mediaId: string) => db.media.findUniqueOrThrow({ where: { id: mediaId }, select: MEDIA_HASH_SELECT });
const caseOf = (id: string) => db.case.findUniqueOrThrow({ where: { id } });

describe('attaching new media to open cases', () => {
  it('a copy fetched by the media job joins the open case, its report linked and the counts updated', async () => {
    const a = await makeInstance('att-a');
    const first = await makePost(a, await knownBadHashes(), { reported: true });
    const opened = await openCase({ ctx: { actor: systemActor }, input: { reportId: first.reportId ?? '' } });
    expect(await caseOf(opened.caseId)).toMatchObject({ copyCount: 1, instanceCount: 1, reportCount: 1 });

    // A second instance (a local test host) syncs a report whose media is the same file, not yet fetched.
    const inst = await db.instance.create({ data: { name: 'att-b', kind: 'mastodon', baseUrl: base, domain: 'att-b.example', allowPrivate: true, tokenSealed: 's', webhookSecretSealed: 's', status: 'ok' } });
    const second = await makePost(inst.id, null, { reported: true });
    const media = await db.media.create({ data: { instanceId: inst.id, statusId: second.statusId, remoteId: 'att-b-1', type: 'image', url: `${base}/known-bad.png` } });
    expect(await ingestMedia(media.id, { finalAttempt: true })).toBe('done');

    const c = await caseOf(opened.caseId);
    expect(c).toMatchObject({ copyCount: 2, instanceCount: 2, reportCount: 2 });
    const copy = await db.caseCopy.findFirstOrThrow({ where: { caseId: opened.caseId, instanceId: inst.id } });
    expect(copy).toMatchObject({ mediaId: media.id, foundBy: 'sha256', foundVia: 'local', copyKey: `post:${second.statusRemoteId}` });
    const actions = (await db.auditEvent.findMany({ where: { targetType: 'case', targetId: opened.caseId, actorLabel: 'system:cases.attach' } })).map((e) => e.action);
    expect(actions.sort()).toEqual(['case.copy_found', 'case.report_linked']);
  });

  it('a rotated re-encode joins by PDQ (variant recorded), its hashes become signals; unrelated media and closed cases collect nothing', async () => {
    // The first test's case holds the same image: close it (behind the verbs' back) so this one starts afresh.
    await db.case.updateMany({ where: { state: 'open' }, data: { state: 'closed' } });
    const a = await makeInstance('pdq-a');
    const first = await makePost(a, await knownBadHashes(), { reported: true, statusUri: 'https://spreader.test/users/spreader/statuses/77' });
    const opened = await openCase({ ctx: { actor: systemActor }, input: { reportId: first.reportId ?? '' } });
    // It also gathered the first test's two copies (same image, other instances): counts below are relative.
    const base0 = await caseOf(opened.caseId);
    const plus = (k: number) => ({ copyCount: base0.copyCount + k, instanceCount: base0.instanceCount + k, reportCount: base0.reportCount + k });

    const b = await makeInstance('pdq-b');
    const rotated = await makePost(b, await knownBadHashes('reencoded-rotated'), { reported: true });
    expect(await attachMediaToCases(await hashRow(rotated.mediaId ?? ''))).toEqual({ caseIds: [opened.caseId] });
    const copy = await db.caseCopy.findFirstOrThrow({ where: { caseId: opened.caseId, instanceId: b } });
    expect(copy.foundBy).toBe('pdq');
    expect(copy.variant).toMatch(/^(rot90|rot270)$/);
    // Attaching again changes nothing (idempotent): in particular its own SHA-256, now a signal, is no "stronger" find.
    await attachMediaToCases(await hashRow(rotated.mediaId ?? ''));
    expect(await caseOf(opened.caseId)).toMatchObject(plus(1));
    expect(await db.caseCopy.findFirstOrThrow({ where: { caseId: opened.caseId, instanceId: b } })).toMatchObject({ foundBy: 'pdq', variant: copy.variant });
    const rotatedSha = (await knownBadHashes('reencoded-rotated')).sha256 ?? '';
    expect(await db.caseSignal.count({ where: { caseId: opened.caseId, signalType: 'sha256', value: rotatedSha } })).toBe(1);

    const c = await makeInstance('pdq-c');
    const unrelated = await makePost(c, await unrelatedHashes(5150), { reported: true, statusUri: 'https://elsewhere.test/9' });
    expect(await attachMediaToCases(await hashRow(unrelated.mediaId ?? ''))).toEqual({ caseIds: [] });

    await setCaseState({ ctx: { actor: systemActor }, input: { caseId: opened.caseId, state: 'closed', reason: 'test' } });
    const d = await makeInstance('pdq-d');
    const late = await makePost(d, await knownBadHashes(), { reported: true });
    expect(await attachMediaToCases(await hashRow(late.mediaId ?? ''))).toEqual({ caseIds: [] });
    expect(await caseOf(opened.caseId)).toMatchObject({ ...plus(1), state: 'closed' });

    // Reopened: its signals are re-issued, so the index takes the case in again and the late copy joins.
    await setCaseState({ ctx: { actor: systemActor }, input: { caseId: opened.caseId, state: 'open' } });
    expect(await attachMediaToCases(await hashRow(late.mediaId ?? ''))).toEqual({ caseIds: [opened.caseId] });
    expect(await caseOf(opened.caseId)).toMatchObject(plus(2));
  });

  it('a newly synced report on a post the case holds (our media, or a copy found remotely) joins it', async () => {
    await db.case.updateMany({ where: { state: 'open' }, data: { state: 'closed' } });
    const a = await makeInstance('sync-a');
    const first = await makePost(a, await unrelatedHashes(5200), { reported: true, statusUri: 'https://x.test/s1' });
    const opened = await openCase({ ctx: { actor: systemActor }, input: { reportId: first.reportId ?? '' } });
    // A second reporter on the same post: the media row is shared, so no new media is hashed.
    const target = await db.account.findFirstOrThrow({ where: { instanceId: a } });
    const second = await db.report.create({ data: { instanceId: a, remoteId: 'rp-second', status: 'open', category: 'other', targetId: target.id, remoteCreatedAt: new Date(), contentHash: 'x' } });
    await db.reportStatusLink.create({ data: { reportId: second.id, statusId: first.statusId } });
    // And a copy a remote lookup found on another instance, later reported there.
    const b = await makeInstance('sync-b');
    const remote = await makePost(b, null, { statusUri: 'https://x.test/s1' });
    await db.$transaction(async (tx) => {
      await upsertCaseCopy(tx, { caseId: opened.caseId, instanceId: b, copyKey: `post:${remote.statusRemoteId}`, foundBy: 'origin_uri', foundVia: 'remote', originUri: 'https://x.test/s1' });
      await recountCase(tx, opened.caseId);
    });
    const third = await db.report.create({ data: { instanceId: b, remoteId: 'rp-third', status: 'open', category: 'other', targetId: remote.accountId, remoteCreatedAt: new Date(), contentHash: 'y' } });
    await db.reportStatusLink.create({ data: { reportId: third.id, statusId: remote.statusId } });
    const unrelated = await makePost(b, await unrelatedHashes(5201), { reported: true, statusUri: 'https://x.test/other' });

    expect(await linkSyncedReports([second.id, third.id, unrelated.reportId ?? ''])).toEqual({ linked: 2 });
    expect(await caseOf(opened.caseId)).toMatchObject({ reportCount: 3, copyCount: 2, instanceCount: 2 });
    expect(await linkSyncedReports([second.id, third.id])).toEqual({ linked: 0 }); // idempotent
  });

  it('concurrent changes to one case (attaches, synced reports, notes) all land, without deadlock', async () => {
    await db.case.updateMany({ where: { state: 'open' }, data: { state: 'closed' } });
    const h = await unrelatedHashes(5300);
    const first = await makePost(await makeInstance('cc-0'), h, { reported: true, statusUri: 'https://x.test/cc' });
    const opened = await openCase({ ctx: { actor: systemActor }, input: { reportId: first.reportId ?? '' } });
    const more = [];
    for (let i = 1; i <= 4; i++) more.push(await makePost(await makeInstance(`cc-${i}`), h, { reported: true, statusUri: 'https://x.test/cc' }));
    await Promise.all([
      ...more.map(async (p) => attachMediaToCases(await hashRow(p.mediaId ?? ''))),
      ...more.map((p) => linkSyncedReports([p.reportId ?? ''])),
      ...[1, 2, 3].map((i) => addCaseNote({ ctx: { actor: systemActor }, input: { caseId: opened.caseId, body: `note ${i}` } })),
    ]);
    expect(await caseOf(opened.caseId)).toMatchObject({ copyCount: 5, instanceCount: 5, reportCount: 5 });
    expect(await db.caseNote.count({ where: { caseId: opened.caseId } })).toBe(3);
  });

  it('a copy first found by a remote lookup becomes local and "same file" once its media is hashed', async () => {
    const a = await makeInstance('att-remote-a');
    const first = await makePost(a, await knownBadHashes(), { reported: true });
    const opened = await openCase({ ctx: { actor: systemActor }, input: { reportId: first.reportId ?? '' } });
    // Instance b: the lookup found the post (origin URI) while its media row was not hashed yet.
    const b = await makeInstance('att-remote-b');
    const later = await makePost(b, null, { reported: true });
    const media = await db.media.create({ data: { instanceId: b, statusId: later.statusId, remoteId: 'att-remote-b-1', type: 'image', url: 'https://local.example/media/r.png' } });
    await db.$transaction(async (tx) => {
      await upsertCaseCopy(tx, { caseId: opened.caseId, instanceId: b, copyKey: `post:${later.statusRemoteId}`, foundBy: 'origin_uri', foundVia: 'remote', mediaId: media.id, remotePostId: later.statusRemoteId });
      await recountCase(tx, opened.caseId);
    });
    const h = await knownBadHashes();
    await db.media.update({ where: { id: media.id }, data: { state: 'done', sha256: h.sha256, md5: h.md5, pdqHash: h.pdqHash, pdqQuality: h.pdqQuality, pdqDihedral: h.pdqDihedral ?? undefined } });

    const out = await attachMediaToCases(await hashRow(media.id));

    expect(out.caseIds).toEqual([opened.caseId]);
    const copy = await db.caseCopy.findFirstOrThrow({ where: { caseId: opened.caseId, instanceId: b } });
    expect(copy).toMatchObject({ foundBy: 'sha256', foundVia: 'local', mediaId: media.id });
    expect(await db.caseCopy.count({ where: { caseId: opened.caseId, instanceId: b } })).toBe(1);
  });
});
