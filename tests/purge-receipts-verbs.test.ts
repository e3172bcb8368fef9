/**
 * The receipt verbs around the checks: an instance that could not be checked gets one instance-level "cannot
 * verify" receipt; a copy whose file is on another host and that the lookup still finds cannot be verified; the run
 * view and the latest receipts say so; "accept as is" (who may, for which copies, with a reason) completes the case;
 * "check again" reopens the run and adds a round that leaves the accepted copy alone. The remote side is a stub
 * connector and a stub public fetch here (the real fakes are in purge-receipts.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Connector, FoundCopy } from '@/lib/connectors/types';
import { sealToken } from '@/lib/instances/token-box';
import { acceptCopy } from '@/lib/purge/accept-copy';
import { checkInstance } from '@/lib/purge/check-instance';
import type { FetchPublicFn } from '@/lib/purge/fetch-public';
import { finishRunIfComplete } from '@/lib/purge/finish-run';
import { getPurgeRun } from '@/lib/purge/get-purge-run';
import { knownHashes } from '@/lib/purge/known-hashes';
import { latestReceipts } from '@/lib/purge/latest-receipts';
import { recheckInstance } from '@/lib/purge/recheck-instance';
import { persistActor, userActor } from './support/fixtures';

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-00000000e101');
const viewer = userActor('viewer', null, '00000000-0000-4000-8000-00000000e102');
let instanceA: string;
let peertube: string;
let elsewhere: string;
let caseId: string;
let c1: string;
let c2: string;
let c3: string;
let runId: string;

async function instance(kind: string, host: string): Promise<string> {
  const baseUrl = `https://${host}`;
  const row = await db.instance.create({
    data: { name: host, kind, baseUrl, domain: host, status: 'ok', tokenSealed: await sealToken('t', baseUrl), webhookSecretSealed: await sealToken('w', `${baseUrl}#webhook`) },
  });
  return row.id;
}

/** The server's lookup still lists posts 2 and 3 (their steps did not remove them); its media URL for post 1 answers 404. */
const listed = (postId: string): FoundCopy => ({ postId, postUrl: null, postUri: null, mediaId: null, mediaUrl: null, originMediaUrl: null, account: null, foundBy: 'origin_uri' });
const connectorFor = async () => ({ capabilities: {}, findCopies: async () => ({ status: 'checked', copies: [listed('2'), listed('3')], checked: 'the origin URI' }) }) as unknown as Connector;
const fetched: string[] = [];
const fetchPublic: FetchPublicFn = async (url) => {
  fetched.push(url);
  return { ok: true, status: 404, sha256: null, bytes: 0 };
};

beforeAll(async () => {
  await persistActor(moderator);
  await persistActor(viewer);
  instanceA = await instance('mastodon', 'a.example');
  peertube = await instance('peertube', 'tube.example');
  elsewhere = await instance('mastodon', 'elsewhere.example');
  caseId = (await db.case.create({ data: { title: 'Receipt verbs', openedVia: 'cli', openedByLabel: 'system:test', sha256: 'a'.repeat(64), state: 'purging' } })).id;
  const copy = (key: string, extra: object) => db.caseCopy.create({ data: { caseId, instanceId: instanceA, copyKey: key, foundBy: 'origin_uri', foundVia: 'remote', ...extra } });
  c1 = (await copy('post:1', { remotePostId: '1', mediaUrl: 'https://a.example/system/1.png', postUrl: 'https://origin.example/@x/1' })).id;
  c2 = (await copy('post:2', { remotePostId: '2', mediaUrl: 'https://cdn.other.example/2.png' })).id;
  c3 = (await copy('post:3', { remotePostId: '3' })).id;
  const plan = {
    caseId, sealsFirst: false,
    instances: [{ instance: { id: instanceA }, copyIds: [c1, c2, c3], defaultOptionId: 'purge_account', options: [{ id: 'delete', label: 'Delete the posts', steps: [{ kind: 'status.delete', label: 'Delete post 1' }, { kind: 'status.delete', label: 'Delete post 2' }, { kind: 'status.delete', label: 'Delete post 3' }] }] }],
    unchecked: [{ instance: { id: peertube }, reason: 'PeerTube cannot look for copies without fetching from another server.' }],
    choices: [{ instanceId: instanceA, optionId: 'delete' }], checkOnly: [],
  };
  runId = (await db.purgeRun.create({ data: { caseId, plan, requestedByLabel: 'system:test' } })).id;
  const step = (position: number, copyIds: string[], state: 'done' | 'failed') => ({ runId, caseId, instanceId: instanceA, position, kind: 'status.delete', payload: {}, copyIds, state });
  await db.purgeStep.createMany({ data: [step(0, [c1], 'done'), step(1, [c2], 'done'), step(2, [c3], 'failed')] });
  await db.purgeCheck.createMany({ data: [{ runId, caseId, instanceId: instanceA, round: 1 }, { runId, caseId, instanceId: peertube, round: 1 }] });
});

const checkOf = (instanceId: string, round = 1) => db.purgeCheck.findUniqueOrThrow({ where: { runId_instanceId_round: { runId, instanceId, round } } });

describe('receipt verbs', () => {
  it('an instance that could not be checked gets one instance-level cannot_verify receipt, once', async () => {
    const { id } = await checkOf(peertube);
    expect(await checkInstance(id, { connectorFor, fetchPublic })).toEqual({ receipts: 1, recheckAt: null });
    expect(await checkInstance(id, { connectorFor, fetchPublic })).toBeNull();
    const rows = await db.purgeReceipt.findMany({ where: { instanceId: peertube } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ copyId: null, verdict: 'cannot_verify', reason: 'PeerTube cannot look for copies without fetching from another server.' });
  });

  it('fetches only URLs on the instance: a file on another host that the lookup still finds cannot be verified', async () => {
    const { id } = await checkOf(instanceA);
    expect(await checkInstance(id, { connectorFor, fetchPublic })).toEqual({ receipts: 3, recheckAt: null });
    expect(fetched).toEqual(['https://a.example/system/1.png']); // not the CDN file, not the origin's post page
    const latest = await latestReceipts(caseId);
    expect(latest.get(c1)).toMatchObject({ verdict: 'removed', httpStatus: 404 });
    expect(latest.get(c2)?.verdict).toBe('cannot_verify');
    expect(latest.get(c2)?.reason).toMatch(/another host \(cdn\.other\.example\).*still lists the copy/);
    expect(latest.get(c3)).toMatchObject({ verdict: 'cannot_verify', httpStatus: null });
    expect(latest.get(c3)?.reason).toMatch(/media URL: not checked \(no URL is known for it\).*still lists the copy/);
  });

  it('shows the run per instance with its phase, steps and receipts, and the case-wide totals', async () => {
    const view = await getPurgeRun({ ctx: { actor: moderator }, input: { caseId } });
    expect(view).toMatchObject({ id: runId, state: 'running', totals: { copies: 3, removed: 1, stillServed: 0, cannotVerify: 2, accepted: 0, pending: 0 } });
    expect(view?.instances.map((i) => [i.instance.id, i.phase, i.optionId, i.optionLabel, i.steps.map((s) => `${s.label}:${s.state}`), i.receipts.length])).toEqual([
      [instanceA, 'done', 'delete', 'Delete the posts', ['Delete post 1:done', 'Delete post 2:done', 'Delete post 3:failed'], 3],
    ]);
    expect(view?.unchecked.map((r) => [r.instanceId, r.verdict])).toEqual([[peertube, 'cannot_verify']]);
    // A moderator limited to another instance does not see the case at all.
    await expect(getPurgeRun({ ctx: { actor: userActor('moderator', [elsewhere]) }, input: { caseId } })).rejects.toMatchObject({ code: 'not_found' });
    expect(await finishRunIfComplete(runId)).toBe(true);
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: 'open', removedCount: 1 });
  });

  it('accepts as is only with a reason, only by someone who can edit the case, only a copy not shown removed', async () => {
    const accept = (actor: typeof moderator, copyId: string, reason: string) => acceptCopy({ ctx: { actor }, input: { caseId, copyId, reason } });
    await expect(accept(viewer, c2, 'a CDN we do not control')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(accept(moderator, c2, 'no')).rejects.toMatchObject({ code: 'bad_request' });
    await expect(accept(moderator, c1, 'already removed')).rejects.toMatchObject({ code: 'bad_request' });
    const { receiptId } = await accept(moderator, c2, 'The file is on a CDN we do not control; reported to its operator.');
    expect(await db.purgeReceipt.findUniqueOrThrow({ where: { id: receiptId } })).toMatchObject({ verdict: 'accepted', checkId: null, byId: moderator.type === 'user' ? moderator.id : null, byLabel: 'moderator@example.test' });
    await expect(accept(moderator, c2, 'again')).rejects.toMatchObject({ code: 'bad_request' });
    // A copy found after the round, with no receipt: acceptable only when its removal step failed.
    const c4 = (await db.caseCopy.create({ data: { caseId, instanceId: instanceA, copyKey: 'post:4', foundBy: 'origin_uri', foundVia: 'remote' } })).id;
    const c5 = (await db.caseCopy.create({ data: { caseId, instanceId: instanceA, copyKey: 'post:5', foundBy: 'origin_uri', foundVia: 'remote' } })).id;
    await db.purgeStep.create({ data: { runId, caseId, instanceId: instanceA, position: 3, kind: 'status.delete', payload: {}, copyIds: [c4], state: 'failed' } });
    await expect(accept(moderator, c5, 'not removed at all')).rejects.toMatchObject({ code: 'bad_request' });
    await db.caseCopy.delete({ where: { id: c5 } });
    await accept(moderator, c4, 'The server refused our delete; its admin removed it by hand.');
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: 'open' });
    // Accepting the last open copy completes the case (no run is going).
    await accept(moderator, c3, 'The post was deleted by its author; the server refused our delete.');
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: 'purged', removedCount: 4, stillServedCount: 0 });
    const events = await db.auditEvent.findMany({ where: { action: 'case.copy_accepted', targetId: caseId }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => (e.details as { copyId: string }).copyId)).toEqual([c2, c4, c3]);
  });

  it('checks again on request: the run runs again, the case is purging, and the new round leaves accepted copies alone', async () => {
    await expect(recheckInstance({ ctx: { actor: viewer }, input: { runId, instanceId: instanceA } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(recheckInstance({ ctx: { actor: moderator }, input: { runId, instanceId: elsewhere } })).rejects.toMatchObject({ code: 'bad_request' });
    await recheckInstance({ ctx: { actor: moderator }, input: { runId, instanceId: instanceA } });
    expect(await db.purgeRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ state: 'running', finishedAt: null });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: 'purging' });
    expect(await db.auditEvent.count({ where: { action: 'case.recheck_requested', targetId: caseId } })).toBe(1);
    const round2 = await checkOf(instanceA, 2);
    expect(round2.status).toBe('queued');
    expect(await checkInstance(round2.id, { connectorFor, fetchPublic })).toEqual({ receipts: 1, recheckAt: null });
    expect((await db.purgeReceipt.findMany({ where: { checkId: round2.id } })).map((r) => r.copyId)).toEqual([c1]);
    expect(await finishRunIfComplete(runId)).toBe(true);
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: 'purged' });
    expect((await latestReceipts(caseId)).get(c2)?.verdict).toBe('accepted');
  });

  it('knows a copy by its media\'s hash, the case\'s, and what the evidence sealed for it (a re-encoded copy has its own bytes)', async () => {
    const sealedOwn = 'b'.repeat(64);
    await db.evidence.create({
      data: {
        caseId, version: 1, sealedByLabel: 'system:test', reason: 'before purge', manifestSha256: 'f'.repeat(64), copyIds: [c1, c2], itemCount: 2, totalBytes: 10,
        retainUntil: new Date(Date.now() + 86_400_000),
        manifest: { items: [
          { n: 0, path: 'copies/c1.jpg', kind: 'file', mime: 'image/jpeg', sha256: sealedOwn, bytes: 5, source: 'x', copyIds: [c1] },
          { n: 1, path: 'copies/c2.json', kind: 'json', mime: 'application/json', sha256: 'd'.repeat(64), bytes: 5, source: 'db', copyIds: [c2] },
        ] },
      },
    });
    const known = await knownHashes(caseId, [{ id: c1, mediaSha256: 'C'.repeat(64) }, { id: c2, mediaSha256: null }]);
    expect(known.get(c1)).toEqual(['c'.repeat(64), 'a'.repeat(64), sealedOwn]);
    expect(known.get(c2)).toEqual(['a'.repeat(64)]); // a JSON record is not the file's bytes
  });
});
