import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, getDb } from '@/lib/db';
import { listQueue } from '@/lib/queue/list-queue';
import { MATCH_FLOOR } from '@/lib/queue/priority';
import { bankIndexStats, indexHolder, resetBankIndex } from '@/lib/matching/index-holder';
import { loadBankIndex } from '@/lib/matching/load-bank-index';
import { matchMedia } from '@/lib/matching/match-media';
import { getMatchSettings, updateMatchSettings } from '@/lib/matching/match-settings';
import { refreshReportsForBank } from '@/lib/matching/refresh-report-matches';
import { runRematch } from '@/lib/matching/run-rematch';
import { syncBankIndex } from '@/lib/matching/sync-bank-index';
import { flipBits, md5Of, randomHash, rng } from '@/lib/matching/test-hashes';
import { addEntry, hashesOf, makeBank, makeReport, setBankEnabled, setEntryEnabled, shapesPng } from './matching-fixtures';
import { ingestMedia } from '@/lib/media/ingest-media';
import { syncInstance } from '@/lib/sync/sync-instance';
import { connectedFake, systemActor, userActor } from './support/fixtures';

const next = rng(2026);
const matchesOf = (mediaId: string) => db.mediaMatch.findMany({ where: { mediaId }, orderBy: { entryId: 'asc' } });

beforeAll(async () => {
  resetBankIndex();
  await loadBankIndex();
});

describe('the bank index follows the change feed', () => {
  it('picks up added, disabled, re-enabled and deleted entries and whole-bank changes without reloading', async () => {
    const loads = bankIndexStats().loads;
    const bank = await makeBank();
    const a = await addEntry(bank.id, 'pdq', randomHash(next));
    const b = await addEntry(bank.id, 'md5', md5Of(4242));
    const has = (e: { id: bigint }) => indexHolder().index!.has(Number(e.id));
    expect((await syncBankIndex()).applied).toBe(2);
    expect([has(a), has(b)]).toEqual([true, true]);
    expect((await syncBankIndex()).applied).toBe(0);

    await setEntryEnabled(a, false);
    await syncBankIndex();
    expect(has(a)).toBe(false);
    await setEntryEnabled(a, true);
    await syncBankIndex();
    expect(has(a)).toBe(true);

    await setBankEnabled(bank.id, false);
    await syncBankIndex();
    expect([has(a), has(b)]).toEqual([false, false]);
    await setBankEnabled(bank.id, true);
    await syncBankIndex();
    expect([has(a), has(b)]).toEqual([true, true]);

    await db.bankEntry.delete({ where: { id: b.id } });
    await db.bankChange.create({ data: { bankId: bank.id, entryId: b.id, op: 'remove' } });
    await syncBankIndex();
    expect(has(b)).toBe(false);
    expect(bankIndexStats().loads).toBe(loads);
  });

  it('applies a change that commits after a later one was already read', async () => {
    const bank = await makeBank();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let lateId = BigInt(0);
    const slow = db.$transaction(async (tx) => {
      const e = await tx.bankEntry.create({ data: { bankId: bank.id, signalType: 'md5', value: md5Of(777) } });
      await tx.bankChange.create({ data: { bankId: bank.id, entryId: e.id, op: 'add' } });
      lateId = e.id;
      await gate;
    }, { timeout: 20_000 });
    while (lateId === BigInt(0)) await new Promise((r) => setTimeout(r, 10));
    const early = await addEntry(bank.id, 'md5', md5Of(778));
    await syncBankIndex();
    expect(indexHolder().index!.has(Number(early.id))).toBe(true);
    expect(bankIndexStats().pending).toBeGreaterThan(0); // held below the uncommitted change
    release();
    await slow;
    await syncBankIndex();
    expect(indexHolder().index!.has(Number(lateId))).toBe(true);
    expect(bankIndexStats().pending).toBe(0);
  });
});

describe('matching media', () => {
  it('matches at exactly the threshold and not one bit beyond', async () => {
    const bank = await makeBank();
    const h = randomHash(next);
    const near = await addEntry(bank.id, 'pdq', flipBits(h, 31));
    await addEntry(bank.id, 'pdq', flipBits(h, 32));
    const { mediaIds: [m] } = await makeReport([{ pdqHash: h, pdqQuality: 100 }]);
    expect((await matchMedia(m)).matches).toBe(1);
    expect(await matchesOf(m)).toMatchObject([{ entryId: near.id, bankId: bank.id, signalType: 'pdq', distance: 31, variant: 'original', quality: 100 }]);
  });

  describe('a synthetic picture', () => {
    let entryId: bigint;
    let original: Buffer;
    beforeAll(async () => {
      original = await shapesPng();
      const bank = await makeBank('match', 4);
      entryId = (await addEntry(bank.id, 'pdq', (await hashesOf(original)).pdqHash!)).id;
    });
    const matchOf = async (buf: Buffer) => {
      const { mediaIds: [m] } = await makeReport([await hashesOf(buf)]);
      await matchMedia(m);
      return (await matchesOf(m)).find((r) => r.entryId === entryId);
    };

    it('is found rotated or flipped, naming the variant of the media hash that matched', async () => {
      const transforms: [string, (s: Sharp) => Sharp][] = [
        ['rot90', (s) => s.rotate(90)], ['rot180', (s) => s.rotate(180)], ['rot270', (s) => s.rotate(270)],
        ['flipx', (s) => s.flip()], ['flipy', (s) => s.flop()],
        ['transpose', (s) => s.rotate(90).flip()], ['antitranspose', (s) => s.rotate(90).flop()],
      ];
      for (const [variant, t] of transforms) {
        const match = await matchOf(await t(sharp(original)).png().toBuffer());
        expect({ variant: match?.variant, near: (match?.distance ?? 99) <= 8 }).toEqual({ variant, near: true });
      }
    });

    it('is found re-encoded as JPEG quality 60 and resized to 70%', async () => {
      const jpeg = await matchOf(await sharp(original).jpeg({ quality: 60 }).toBuffer());
      const small = await matchOf(await sharp(original).resize(224, 224).png().toBuffer());
      expect(jpeg).toMatchObject({ variant: 'original' });
      expect(small).toMatchObject({ variant: 'original' });
      expect(jpeg!.distance).toBeLessThanOrEqual(31);
      expect(small!.distance).toBeLessThanOrEqual(31);
    });
  });

  it('skips a low-quality PDQ hash but still matches its exact MD5', async () => {
    const grey = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#808080' } }).png().toBuffer();
    const hashes = await hashesOf(grey);
    expect(hashes.pdqQuality).toBeLessThan(50);
    const bank = await makeBank();
    await addEntry(bank.id, 'pdq', hashes.pdqHash!);
    const md5 = await addEntry(bank.id, 'md5', hashes.md5!);
    const { mediaIds: [m] } = await makeReport([hashes]);
    expect(await matchMedia(m)).toMatchObject({ matches: 1, pdqSkipped: true });
    expect((await matchesOf(m)).map((r) => [r.entryId, r.signalType, r.quality])).toEqual([[md5.id, 'md5', null]]);
  });

  it('stores nothing when an allow bank matches, deleting earlier matches and clearing the report', async () => {
    const h = randomHash(next);
    const bad = await makeBank('match', 5);
    await addEntry(bad.id, 'pdq', flipBits(h, 3));
    const { report, mediaIds: [m] } = await makeReport([{ pdqHash: h, pdqQuality: 90, md5: md5Of(31337) }]);
    await matchMedia(m);
    expect(await matchesOf(m)).toHaveLength(1);
    expect((await db.report.findUniqueOrThrow({ where: { id: report.id } })).matchSeverity).toBe(5);

    const allow = await makeBank('allow');
    await addEntry(allow.id, 'md5', md5Of(31337));
    expect(await matchMedia(m)).toMatchObject({ matches: 0, allowed: true });
    expect(await matchesOf(m)).toEqual([]);
    expect(await db.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ matchSeverity: 0, matchDistance: null, matchSummary: null });
  });
});

describe('reports and the rematch job', () => {
  it('puts a matched report first by priority, with its summary', async () => {
    const h = randomHash(next);
    const { instanceId, report: loud } = await makeReport([{}, {}, {}], { category: 'legal' });
    const { report: quiet, mediaIds: [m] } = await makeReport([{ pdqHash: h, pdqQuality: 85 }], { category: 'spam' });
    const bank = await makeBank('match', 2);
    await addEntry(bank.id, 'pdq', flipBits(h, 7));
    await matchMedia(m);
    const row = await db.report.findUniqueOrThrow({ where: { id: quiet.id } });
    expect(row).toMatchObject({ matchSeverity: 2, matchDistance: 7 });
    expect(row.matchSummary).toEqual({ bank: bank.name, bankId: bank.id, label: 'other', severity: 2, distance: 7, variant: 'original', quality: 85, signalType: 'pdq', mediaId: m });
    const page = await listQueue({ ctx: { actor: systemActor }, input: { instanceId, sort: 'priority' } });
    expect(page.items.map((r) => r.id).filter((id) => id === quiet.id || id === loud.id)).toEqual([quiet.id, loud.id]);
    expect(page.items.find((r) => r.id === quiet.id)!.priority).toBeGreaterThan(page.items.find((r) => r.id === loud.id)!.priority);

    // Raising the bank's severity re-ranks the report without any rematch; disabling the bank drops the match.
    await db.hashBank.update({ where: { id: bank.id }, data: { severity: 5 } });
    expect(await refreshReportsForBank(bank.id)).toBe(1);
    expect(await db.report.findUniqueOrThrow({ where: { id: quiet.id } })).toMatchObject({ matchSeverity: 5 });
    await db.hashBank.update({ where: { id: bank.id }, data: { enabled: false } });
    await refreshReportsForBank(bank.id);
    expect(await db.report.findUniqueOrThrow({ where: { id: quiet.id } })).toMatchObject({ matchSeverity: 0, matchSummary: null });
  });

  it('matches existing media against a bank that gained entries, reporting progress', async () => {
    const h = randomHash(next);
    const fillers = Array.from({ length: 520 }, () => ({ pdqHash: randomHash(next), pdqQuality: 80 }));
    const { report, mediaIds } = await makeReport([{ pdqHash: h, pdqQuality: 80 }, ...fillers]);
    const bank = await makeBank('match', 3);
    await addEntry(bank.id, 'pdq', flipBits(h, 12));
    const run = await db.rematchRun.create({ data: { bankId: bank.id } });
    const writes = vi.spyOn(getDb().rematchRun, 'update');
    expect(await runRematch(run.id)).toBe('done');
    // Progress lands after every page of 500, for the bank page to poll.
    const progress = writes.mock.calls.map(([arg]) => arg.data.done).filter((d) => typeof d === 'number' && d > 0);
    writes.mockRestore();
    const hashed = await db.media.count({ where: { state: 'done', OR: [{ pdqHash: { not: null } }, { md5: { not: null } }] } });
    expect(progress).toEqual([500, hashed, hashed]); // two pages, then the final write
    expect(await db.rematchRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'done', total: hashed, done: hashed, matched: 1, error: null });
    expect(await matchesOf(mediaIds[0])).toMatchObject([{ bankId: bank.id, distance: 12 }]);
    expect((await db.report.findUniqueOrThrow({ where: { id: report.id } })).matchSeverity).toBe(3);
    expect(await runRematch(run.id)).toBe('skipped'); // a duplicate delivery of a finished run
  });
});

describe('the media job', () => {
  it('stores the dihedral hashes and matches the image as soon as it is hashed', async () => {
    const { fake, instanceId } = await connectedFake({ reports: 6, seed: 31 });
    try {
      await syncInstance(instanceId);
      const media = await db.media.findFirstOrThrow({ where: { instanceId, type: 'image' } });
      const bytes = Buffer.from(await (await fetch(media.url)).arrayBuffer());
      const bank = await makeBank('match', 4);
      const entry = await addEntry(bank.id, 'md5', (await hashesOf(bytes)).md5!);
      expect(await ingestMedia(media.id, { finalAttempt: false })).toBe('done');
      const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
      expect(Object.keys(row.pdqDihedral as object).sort()).toEqual(['antitranspose', 'flipx', 'flipy', 'original', 'rot180', 'rot270', 'rot90', 'transpose']);
      expect(await matchesOf(media.id)).toMatchObject([{ entryId: entry.id, signalType: 'md5', distance: 0 }]);
      const reports = await db.report.findMany({ where: { statuses: { some: { status: { media: { some: { id: media.id } } } } } } });
      expect(reports.length).toBeGreaterThan(0);
      for (const r of reports) expect(r).toMatchObject({ matchSeverity: 4, priority: expect.any(Number) });
      // A later sync that rewrites the report recomputes its priority but keeps the match the matcher found.
      await db.report.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { contentHash: 'stale', priority: 0 } });
      await syncInstance(instanceId);
      for (const r of await db.report.findMany({ where: { id: { in: reports.map((x) => x.id) } } })) {
        expect(r).toMatchObject({ matchSeverity: 4, matchDistance: 0 });
        expect(r.priority).toBeGreaterThanOrEqual(MATCH_FLOOR);
        expect(r.contentHash).not.toBe('stale');
      }
    } finally {
      await fake.close();
    }
  });
});

describe('matching settings', () => {
  it('are changed by admins only, audited, and queue a rematch of existing media', async () => {
    await expect(updateMatchSettings({ ctx: { actor: userActor('moderator') }, input: { threshold: 20 } })).rejects.toMatchObject({ code: 'forbidden' });
    const out = await updateMatchSettings({ ctx: { actor: userActor('admin') }, input: { threshold: 20 } });
    expect(out.settings).toEqual({ threshold: 20, qualityGate: 50 });
    expect(await getMatchSettings()).toEqual({ threshold: 20, qualityGate: 50 });
    expect(await db.rematchRun.findUniqueOrThrow({ where: { id: out.rematchRunId! } })).toMatchObject({ bankId: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'settings.matching_updated' } });
    expect(event.details).toMatchObject({ from: { threshold: 31 }, to: { threshold: 20 } });
    expect((await updateMatchSettings({ ctx: { actor: userActor('admin') }, input: { threshold: 20 } })).rematchRunId).toBeNull();
  });
});
