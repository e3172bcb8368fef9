/**
 * Preparing a CyberTipline report (issue 11, point 1-2), against real fakes: a case whose copies sit on four
 * connected instances (two Mastodon, GoToSocial holding a re-encoded variant, Akkoma), found by the real lookups.
 * The preview seals first, lists the origin and every copy's URL, holds one file per distinct bytes with their
 * MD5/SHA-256 read from the seal, and its XML is exactly buildReportXml's for the case. Only people with the
 * filing permission prepare, and only once settings say where and as whom.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { buildReportInput } from '@/lib/filing/build-report-input';
import { loadFilingCase } from '@/lib/filing/load-filing-case';
import { childElements, parseXml, textOf } from '@/lib/filing/ncmec/parse-xml';
import { CSAM_INCIDENT_TYPE } from '@/lib/filing/ncmec/incident-types';
import { buildReportXml } from '@/lib/filing/ncmec/report-xml';
import { prepareFiling } from '@/lib/filing/prepare-filing';
import { readFilingFileBytes } from '@/lib/filing/read-filing-files';
import { evidenceInnerStore, evidenceKey } from '@/lib/evidence/evidence-store';
import { requireNcmecConnection } from '@/lib/filing/settings/ncmec-connection';
import { updateNcmecSettings } from '@/lib/filing/settings/ncmec-settings';
import { KNOWN_BAD, knownBadImage } from '@/e2e/fakes/federation/known-bad';
import { startFakeAkkoma } from '@/e2e/fakes/akkoma/server';
import { startFakeGoToSocial } from '@/e2e/fakes/gotosocial/server';
import { startFakeMastodon } from '@/e2e/fakes/mastodon/server';
import { persistActor, systemActor, userActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';

const admin = userActor('admin', null, '00000000-0000-4000-8000-00000000f201');
const moderator = userActor('moderator', null, '00000000-0000-4000-8000-00000000f202');
const granted = { ...userActor('moderator', null, '00000000-0000-4000-8000-00000000f203'), email: 'granted@example.test' };
const viewer = userActor('viewer', null, '00000000-0000-4000-8000-00000000f204');
const hex = (algo: string, b: Buffer) => crypto.createHash(algo).update(b).digest('hex');
let world: World;

beforeAll(async () => {
  for (const a of [admin, moderator, granted, viewer]) await persistActor(a);
  await db.user.update({ where: { id: '00000000-0000-4000-8000-00000000f203' }, data: { filingAccess: true } });
  world = await purgeWorld([
    { name: 'beta', start: () => startFakeMastodon({ reports: 1, seed: 1201, domain: 'beta1201.test', knownBad: {} }) },
    { name: 'gotosocial', start: () => startFakeGoToSocial({ reports: 1, seed: 1202, knownBad: { variant: 'reencoded-rotated' } }) },
    { name: 'akkoma', start: () => startFakeAkkoma({ reports: 1, seed: 1203, knownBad: {} }) },
  ], 1200);
}, 120_000);
afterAll(async () => { await world?.close(); });

describe('prepareFiling', () => {
  it('refuses while CyberTipline is not set up, before sealing anything', async () => {
    await expect(prepareFiling({ ctx: { actor: admin }, input: { caseId: world.caseId } })).rejects.toMatchObject({
      code: 'conflict', userMessage: 'CyberTipline is not set up: an admin enters the credentials and reporting person in Settings',
    });
    expect(await db.evidence.count({ where: { caseId: world.caseId } })).toBe(0);
  });

  it('needs the filing permission, and reads an unknown case as absent', async () => {
    await configure();
    for (const actor of [moderator, viewer]) {
      await expect(prepareFiling({ ctx: { actor }, input: { caseId: world.caseId } })).rejects.toMatchObject({
        code: 'forbidden', userMessage: 'Filing to CyberTipline needs the filing permission (ask an owner or admin).',
      });
    }
    await expect(prepareFiling({ ctx: { actor: admin }, input: { caseId: '00000000-0000-4000-8000-0000000000aa' } })).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.evidence.count({ where: { caseId: world.caseId } })).toBe(0);
  });

  it('seals first, lists the origin and every copy URL, and one file per distinct bytes with its hashes', async () => {
    const copies = await db.caseCopy.findMany({ where: { caseId: world.caseId }, include: { instance: { select: { name: true, baseUrl: true } } } });
    expect(new Set(copies.map((c) => c.instanceId)).size).toBe(4);
    const p = await prepareFiling({ ctx: { actor: admin }, input: { caseId: world.caseId } });

    expect(p.sealedNow).toBe(true);
    const seal = await db.evidence.findFirstOrThrow({ where: { caseId: world.caseId, destroyedAt: null }, orderBy: { version: 'desc' } });
    expect(p.evidenceId).toBe(seal.id);
    expect(seal.copyIds.sort()).toEqual(copies.map((c) => c.id).sort());
    expect(await db.auditEvent.count({ where: { action: 'evidence.sealed', targetId: world.caseId } })).toBe(1);

    // Each instance's own URL for its copy: a local post URL (Akkoma), else its cached media URL (Mastodon and
    // GoToSocial record the origin's post URL for a federated post).
    const byName = [...copies].sort((a, b) => (a.instance.name < b.instance.name ? -1 : 1));
    const own = byName.map((c) => [c.postUrl, c.mediaUrl].find((u) => u && new URL(u).host === new URL(c.instance.baseUrl).host));
    expect(own.every(Boolean)).toBe(true);
    expect(p.summary.urls).toEqual([KNOWN_BAD.post.url, ...own]);
    expect(p.summary.urls).toHaveLength(5);

    const [png, jpeg] = [await knownBadImage('original'), await knownBadImage('reencoded-rotated')];
    expect(p.files.map((f) => ({ sha256: f.sha256, md5: f.md5, bytes: f.bytes })).sort((a, b) => a.bytes - b.bytes)).toEqual(
      [png, jpeg].map((b) => ({ sha256: hex('sha256', b), md5: hex('md5', b), bytes: b.length })).sort((a, b) => a.bytes - b.bytes),
    );
    const gts = copies.find((c) => c.instance.name === 'gotosocial')!;
    expect(p.files.find((f) => f.sha256 === hex('sha256', jpeg))).toMatchObject({ fileName: 'file.jpg', mime: 'image/jpeg', locationUrl: gts.mediaUrl });
    expect(p.files.every((f) => f.locationUrl !== null && f.fileName.length > 0)).toBe(true);
  });

  it('sends exactly what buildReportXml gives for the case, and the same report twice', async () => {
    const p = await prepareFiling({ ctx: { actor: admin }, input: { caseId: world.caseId } });
    expect(p.sealedNow).toBe(false);
    const conn = await requireNcmecConnection();
    expect(p.reportXml).toBe(buildReportXml(buildReportInput(await loadFilingCase(world.caseId), conn)));
    expect(p.reportSha256).toBe(hex('sha256', Buffer.from(p.reportXml, 'utf8')));
    expect(p).toMatchObject({ to: 'ncmec', environment: 'test', baseUrl: 'https://exttest.cybertip.org/ispws' });
    expect(p.summary).toMatchObject({
      incidentType: CSAM_INCIDENT_TYPE, reporter: { name: 'Ada Example', email: 'safety@collective.example' },
      reported: { espService: KNOWN_BAD.originDomain, screenName: KNOWN_BAD.account.acct },
    });
    expect(p.summary.additionalInfo).toMatch(/^Case \d+: .+ Found on 4 copies across 4 servers we moderate; origin spreader\.test\. SHA-256 .+ Reported by fedimod \(moderation dashboard\) for Synthetic Collective\.$/);
    const root = parseXml(p.reportXml);
    const web = childElements(childElements(root).find((e) => e.name === 'internetDetails')!)[0];
    expect(childElements(web).map(textOf)).toEqual(p.summary.urls);
    expect(p.reportXml).not.toContain('s3cret-test-password');
    expect(await db.evidence.count({ where: { caseId: world.caseId } })).toBe(1);
    const again = await prepareFiling({ ctx: { actor: admin }, input: { caseId: world.caseId } });
    expect(again.reportSha256).toBe(p.reportSha256);
  });

  it('lets a moderator granted the filing permission prepare', async () => {
    const p = await prepareFiling({ ctx: { actor: granted }, input: { caseId: world.caseId } });
    expect(p.summary.urls).toHaveLength(5);
  });

  it('refuses sealed files that no longer match their hash, and reads one file for upload only if it matches', async () => {
    const p = await prepareFiling({ ctx: { actor: admin }, input: { caseId: world.caseId } });
    const [first, second] = p.files;
    const bytes = await readFilingFileBytes(p.evidenceId, first.n, first.sha256);
    expect(hex('sha256', Buffer.from(bytes))).toBe(first.sha256);
    await expect(readFilingFileBytes(p.evidenceId, first.n, second.sha256)).rejects.toMatchObject({ code: 'internal', userMessage: expect.stringContaining('run `evidence verify`') });
    // Changed at rest: the ciphertext no longer opens.
    await evidenceInnerStore().put(evidenceKey(p.evidenceId, second.n), Buffer.from('tampered'));
    await expect(prepareFiling({ ctx: { actor: admin }, input: { caseId: world.caseId } })).rejects.toMatchObject({ code: 'internal', userMessage: expect.stringContaining('run `evidence verify`') });
  });
});

async function configure(): Promise<void> {
  await updateNcmecSettings({
    ctx: { actor: systemActor },
    input: {
      environment: 'test', username: 'collective-test', password: 's3cret-test-password',
      reporter: { firstName: 'Ada', lastName: 'Example', email: 'safety@collective.example', phone: '' },
      organization: { name: 'Synthetic Collective' },
    },
  });
}
