/**
 * The rematch summary names the media a run matched, with a link to follow each up. A run stores only counts, so
 * the list is the run's bank's MediaMatch rows created while it worked: drive a real run (lib/matching/run-rematch)
 * over real rows and read it back through getBank, as the bank page does.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getBank } from '@/lib/banks/get-bank';
import { RUN_MATCH_LIMIT } from '@/lib/banks/list-run-matches';
import { resetBankIndex } from '@/lib/matching/index-holder';
import { loadBankIndex } from '@/lib/matching/load-bank-index';
import { runRematch } from '@/lib/matching/run-rematch';
import { md5Of } from '@/lib/matching/test-hashes';
import { toJsonSafe } from '@/lib/http/route';
import { bankDetailSchema } from '@/components/banks/bank-api';
import { RematchRuns } from '@/components/banks/rematch-runs';
import { addEntry, makeBank, makeReport } from './matching-fixtures';
import { userActor } from './support/fixtures';

const admin = userActor('admin');

beforeAll(async () => {
  resetBankIndex();
  await loadBankIndex();
});

describe('a rematch run lists the media it matched', () => {
  it('names each newly matched media with a link to its report, leaves out older matches and other banks, and respects instance limits', async () => {
    const bank = await makeBank('match', 4);
    const other = await makeBank('match', 2);
    const hit = await makeReport([{ md5: md5Of(9001) }, { md5: md5Of(9002) }]);
    const before = await makeReport([{ md5: md5Of(9003) }]);
    // A media with no post: no report holds it, but the bank's severity opens a case for it, which is the link.
    const orphan = await db.media.create({ data: { instanceId: hit.instanceId, remoteId: `orphan-${crypto.randomUUID()}`, type: 'video', url: 'https://example.test/v.mp4', state: 'done', md5: md5Of(9004) } });
    const e1 = await addEntry(bank.id, 'md5', md5Of(9001));
    await addEntry(bank.id, 'md5', md5Of(9004));
    await addEntry(other.id, 'md5', md5Of(9002));
    const old = await addEntry(bank.id, 'md5', md5Of(9003));
    // Matched before the run: the run upserts it unchanged, so it is not "new".
    await db.mediaMatch.create({ data: { mediaId: before.mediaIds[0], entryId: old.id, bankId: bank.id, signalType: 'md5', distance: 0, createdAt: new Date(Date.now() - 3600_000) } });
    await db.bankEntry.update({ where: { id: e1.id }, data: { label: 'synthetic sample' } });

    const run = await db.rematchRun.create({ data: { bankId: bank.id } });
    expect(await runRematch(run.id)).toBe('done');
    const stored = await db.rematchRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored.matched).toBe(3); // counts every media matching the bank, old match included

    const out = await getBank({ ctx: { actor: admin }, input: { id: bank.id } });
    const listed = out.runs.find((r) => r.id === run.id)!.matches!;
    expect(listed.count).toBe(2);
    expect(listed.capped).toBe(false);
    expect(listed.items.map((i) => i.mediaId).sort()).toEqual([hit.mediaIds[0], orphan.id].sort());
    expect(listed.items.find((i) => i.mediaId === hit.mediaIds[0])).toMatchObject({ reportId: hit.report.id, signalType: 'md5', distance: 0, entryLabel: 'synthetic sample', mediaType: 'image' });
    const orphanItem = listed.items.find((i) => i.mediaId === orphan.id)!;
    expect(orphanItem).toMatchObject({ reportId: null, caseId: expect.any(String), caseNumber: expect.any(Number), mediaType: 'video' });

    // A moderator limited to another instance sees the run, not the media.
    const elsewhere = await db.instance.create({ data: { name: 'elsewhere', kind: 'mastodon', baseUrl: 'https://elsewhere.example', domain: 'elsewhere.example', tokenSealed: 'x', webhookSecretSealed: 'x' } });
    const limited = await getBank({ ctx: { actor: userActor('moderator', [elsewhere.id]) }, input: { id: bank.id } });
    expect(limited.runs.find((r) => r.id === run.id)!.matches).toMatchObject({ count: 0, items: [] });

    // What the page receives parses, and renders as links.
    const detail = bankDetailSchema.parse(toJsonSafe(out));
    const html = renderToStaticMarkup(createElement(RematchRuns, { runs: detail.runs }));
    expect(html).toContain('Newly matched media (2)');
    expect(html).toContain(`href="/reports/${hit.report.id}"`);
    expect(html).toContain('synthetic sample');
    expect(html).toContain(`href="/cases/${orphanItem.caseId}"`);
    expect(html).toMatch(/<details[^>]*><summary/);
    expect(html).not.toContain('/api/media/'); // no image of a bank hit on this page
  });

  it('a queued run lists nothing, and a long list is cut with the rest counted', async () => {
    const bank = await makeBank('match', 3);
    const queued = await db.rematchRun.create({ data: { bankId: bank.id } });
    const many = await makeReport(Array.from({ length: RUN_MATCH_LIMIT + 3 }, (_, i) => ({ md5: md5Of(12_000 + i) })));
    for (let i = 0; i < RUN_MATCH_LIMIT + 3; i++) await addEntry(bank.id, 'md5', md5Of(12_000 + i));
    const out0 = await getBank({ ctx: { actor: admin }, input: { id: bank.id } });
    expect(out0.runs[0].matches).toBeNull();
    expect(await runRematch(queued.id)).toBe('done');
    const out = await getBank({ ctx: { actor: admin }, input: { id: bank.id } });
    const m = out.runs[0].matches!;
    expect(m.count).toBe(RUN_MATCH_LIMIT + 3);
    expect(m.items).toHaveLength(RUN_MATCH_LIMIT);
    expect(m.items.every((i) => i.reportId === many.report.id)).toBe(true);
    const html = renderToStaticMarkup(createElement(RematchRuns, { runs: bankDetailSchema.parse(toJsonSafe(out)).runs }));
    expect(html).toContain('and 3 more, not listed here');
  });

  it('says when nothing holds a matched media, and when every match was old', () => {
    const base = { id: 'r1', status: 'done', total: 10, done: 10, error: null, createdAt: '2026-01-01T00:00:00Z', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:01:00Z' };
    const item = { mediaId: 'm1', instanceName: 'Alpha', mediaType: 'image', signalType: 'pdq', distance: 12, entryLabel: null, matchedAt: '2026-01-01T00:00:30Z', reportId: null, caseId: null, caseNumber: null };
    const lone = renderToStaticMarkup(createElement(RematchRuns, { runs: [{ ...base, matched: 1, matches: { items: [item], count: 1, capped: false } }] }));
    expect(lone).toContain('no report or case holds it');
    expect(lone).toContain('PDQ, distance 12');
    const old = renderToStaticMarkup(createElement(RematchRuns, { runs: [{ ...base, matched: 4, matches: { items: [], count: 0, capped: false } }] }));
    expect(old).toContain('No media newly matched: the 4 matched had matched this bank before.');
  });
});
