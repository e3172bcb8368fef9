/**
 * Auto-open: a media item whose best bank match reaches the setting (severity >= 4, or label csam, by default)
 * becomes a case by itself, at hashing time and after a bank import (rematch); below it, nothing; twice or twice at
 * once, one case. The setting is admin-only and audited.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { autoOpenCaseForMedia } from '@/lib/cases/auto-open-case';
import { getCaseSettings, updateCaseSettings } from '@/lib/cases/case-settings';
import { matchMedia } from '@/lib/matching/match-media';
import { runRematch } from '@/lib/matching/run-rematch';
import { userActor } from './support/fixtures';
import { knownBadHashes, makeBankWith, makeInstance, makePost, unrelatedHashes } from './cases-core-fixtures';

async function exactBank(sha256: string, severity: number, label: string | null) {
  const bank = await db.hashBank.create({ data: { name: `exact-${crypto.randomUUID()}`, kind: 'match', severity, label } });
  const entry = await db.bankEntry.create({ data: { bankId: bank.id, signalType: 'sha256', value: sha256 } });
  await db.bankChange.create({ data: { bankId: bank.id, entryId: entry.id, op: 'add' } });
  return bank;
}

const casesOfMedia = (mediaId: string) => db.case.findMany({ where: { copies: { some: { mediaId } } } });

describe('auto-open', () => {
  it('the known-bad image matching a severity-5 csam bank by PDQ opens a case by itself, once', async () => {
    const kb = await knownBadHashes();
    await makeBankWith(kb.pdqHash ?? '', { severity: 5, label: 'csam' });
    const p = await makePost(await makeInstance(), kb, { reported: true });
    expect((await matchMedia(p.mediaId ?? '')).matches).toBe(1);
    // Two workers at once (the media job and a rematch): one case.
    const [out, twin] = await Promise.all([autoOpenCaseForMedia(p.mediaId ?? ''), autoOpenCaseForMedia(p.mediaId ?? '')]);
    expect(out).not.toBeNull();
    expect(twin?.caseId).toBe(out?.caseId);
    const c = await db.case.findUniqueOrThrow({ where: { id: out?.caseId ?? '' } });
    expect(c).toMatchObject({ openedVia: 'auto', openedByLabel: 'system:cases.auto', severity: 5, label: 'csam', title: 'csam from spreader@spreader.test', reportCount: 1 });
    expect(c.bestMatch).toMatchObject({ severity: 5, label: 'csam', signalType: 'pdq' });
    // Idempotent: again, and twice at once, still the one case.
    const again = await Promise.all([autoOpenCaseForMedia(p.mediaId ?? ''), autoOpenCaseForMedia(p.mediaId ?? '')]);
    expect(again.map((a) => a?.caseId)).toEqual([c.id, c.id]);
    expect(await db.case.count({ where: { primaryMediaId: p.mediaId } })).toBe(1);
  });

  it('label csam opens at low severity; severity 3 with another label does not', async () => {
    const low = await unrelatedHashes(3001);
    await exactBank(low.sha256 ?? '', 2, 'csam');
    const a = await makePost(await makeInstance(), low, { statusUri: 'https://x.test/a' });
    await matchMedia(a.mediaId ?? '');
    expect(await autoOpenCaseForMedia(a.mediaId ?? '')).not.toBeNull();

    const mid = await unrelatedHashes(3002);
    await exactBank(mid.sha256 ?? '', 3, 'spam');
    const b = await makePost(await makeInstance(), mid, { statusUri: 'https://x.test/b' });
    await matchMedia(b.mediaId ?? '');
    expect(await autoOpenCaseForMedia(b.mediaId ?? '')).toBeNull();
    expect(await casesOfMedia(b.mediaId ?? '')).toHaveLength(0);
    // No match at all: nothing.
    const c = await makePost(await makeInstance(), await unrelatedHashes(3003), { statusUri: 'https://x.test/c' });
    expect(await autoOpenCaseForMedia(c.mediaId ?? '')).toBeNull();
  });

  it('a bank imported after the media was hashed opens the case through the rematch job', async () => {
    const h = await unrelatedHashes(3004);
    const p = await makePost(await makeInstance(), h, { reported: true, statusUri: 'https://x.test/d' });
    const bank = await exactBank(h.sha256 ?? '', 4, 'terrorism');
    const run = await db.rematchRun.create({ data: { bankId: bank.id } });
    expect(await runRematch(run.id)).toBe('done');
    const cases = await casesOfMedia(p.mediaId ?? '');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ openedVia: 'auto', severity: 4, label: 'terrorism' });
  });

  it('the settings: admin only, audited, and they move the line', async () => {
    expect(await getCaseSettings()).toEqual({ autoOpenSeverity: 4, autoOpenLabels: ['csam'] });
    await expect(updateCaseSettings({ ctx: { actor: userActor('moderator') }, input: { autoOpenSeverity: 3 } })).rejects.toMatchObject({ code: 'forbidden' });
    await updateCaseSettings({ ctx: { actor: userActor('admin') }, input: { autoOpenSeverity: 3 } });
    expect(await db.auditEvent.count({ where: { action: 'settings.cases.updated' } })).toBe(1);
    const h = await unrelatedHashes(3005);
    await exactBank(h.sha256 ?? '', 3, 'spam');
    const p = await makePost(await makeInstance(), h, { statusUri: 'https://x.test/e' });
    await matchMedia(p.mediaId ?? '');
    expect(await autoOpenCaseForMedia(p.mediaId ?? '')).not.toBeNull();
  });
});
