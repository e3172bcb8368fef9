/**
 * Hash-bank verbs against a real database: change feed, rematch runs, audit rows and roles.
 * (CLI and route handlers: tests/banks-transports.test.ts.) Only random synthetic hex values are used as hashes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { addMediaToBank } from '@/lib/banks/add-media-to-bank';
import { createBank } from '@/lib/banks/create-bank';
import { exportEntries } from '@/lib/banks/export-entries';
import { getBank } from '@/lib/banks/get-bank';
import { importEntries } from '@/lib/banks/import-entries';
import { listBanks } from '@/lib/banks/list-banks';
import { parseHashCsv } from '@/lib/banks/parse-hash-csv';
import { setEntryEnabled } from '@/lib/banks/set-entry-enabled';
import { updateBank } from '@/lib/banks/update-bank';
import { admin, auditOf, changesOf, hex, seedMedia, uniqueName } from './banks-fixtures';
import { userActor } from './support/fixtures';

// The job itself belongs to lib/matching; here we only check that runs are queued after commit.
const queued = vi.hoisted(() => [] as string[]);
vi.mock('@/lib/jobs/enqueue', () => ({ enqueueRematch: vi.fn(async (runId: string) => void queued.push(runId)) }));

beforeEach(() => {
  queued.length = 0;
});

describe('creating and updating banks', () => {
  it('creates match and allow banks with an audit row each, and refuses a taken name', async () => {
    const match = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('csam list'), kind: 'match', label: 'csam', severity: 5, description: 'from a partner' } });
    expect(match).toMatchObject({ kind: 'match', label: 'csam', severity: 5, enabled: true });
    const allow = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('benign'), kind: 'allow' } });
    expect(allow).toMatchObject({ kind: 'allow', label: null, severity: 0 });
    const events = await auditOf('bank.created');
    expect(events.filter((e) => [match.id, allow.id].includes(e.targetId!))).toHaveLength(2);
    await expect(createBank({ ctx: { actor: admin }, input: { name: match.name, label: 'spam' } })).rejects.toMatchObject({ code: 'conflict' });
    await expect(createBank({ ctx: { actor: admin }, input: { name: uniqueName('x'), kind: 'allow', label: 'spam' } })).rejects.toThrow();
    await expect(createBank({ ctx: { actor: admin }, input: { name: uniqueName('x'), kind: 'match' } })).rejects.toThrow();
  });

  it('updates settings with an audit row, a bank change for indexed fields, and a rematch when re-enabled', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('spam'), label: 'spam', severity: 2 } });
    await updateBank({ ctx: { actor: admin }, input: { id: bank.id, description: 'just words' } });
    expect(await changesOf(bank.id)).toHaveLength(0);
    const off = await updateBank({ ctx: { actor: admin }, input: { id: bank.id, enabled: false, severity: 3 } });
    expect(off.rematchRunId).toBeNull();
    expect((await changesOf(bank.id)).map((c) => [c.op, c.entryId])).toEqual([['bank', null]]);
    const on = await updateBank({ ctx: { actor: admin }, input: { id: bank.id, enabled: true } });
    expect(on.rematchRunId).toBeTruthy();
    expect(await db.rematchRun.findUniqueOrThrow({ where: { id: on.rematchRunId! } })).toMatchObject({ bankId: bank.id, status: 'queued' });
    expect(queued).toEqual([on.rematchRunId]);
    const updates = (await auditOf('bank.updated')).filter((e) => e.targetId === bank.id);
    expect(updates).toHaveLength(3);
    expect(updates[1].details).toMatchObject({ changed: { enabled: { from: true, to: false }, severity: { from: 2, to: 3 } } });
    // Nothing changed: no audit row, no feed row.
    await updateBank({ ctx: { actor: admin }, input: { id: bank.id, severity: 3 } });
    expect((await auditOf('bank.updated')).filter((e) => e.targetId === bank.id)).toHaveLength(3);
  });

  it('refuses label or severity on an allow bank', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('allow'), kind: 'allow' } });
    await expect(updateBank({ ctx: { actor: admin }, input: { id: bank.id, severity: 4 } })).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('importing', () => {
  it('counts accepted, duplicate and rejected lines, records provenance, and feeds only inserted entries', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('import'), label: 'other' } });
    const pdq = Array.from({ length: 12 }, () => hex(32));
    const md5 = hex(16);
    const text = ['hash,label', ...pdq.map((h, i) => (i === 0 ? `${h},first` : h)), md5, pdq[1], 'not-a-hash', '0'.repeat(64)].join('\n');
    const s = await importEntries({ ctx: { actor: admin }, input: { bankId: bank.id, text, file: '/tmp/some/list.csv' } });
    expect(s).toMatchObject({ file: 'list.csv', accepted: 14, inserted: 13, duplicates: 1, rejected: 2 });
    expect(s.rejectedLines.map((r) => [r.line, r.reason])).toEqual([[16, 'not hex'], [17, expect.stringMatching(/all zeros/)]]);
    const first = await db.bankEntry.findFirstOrThrow({ where: { bankId: bank.id, value: pdq[0] } });
    expect(first).toMatchObject({ signalType: 'pdq', label: 'first', enabled: true, provenance: { source: 'import', file: 'list.csv', line: 2 } });
    expect((await db.bankEntry.findFirstOrThrow({ where: { bankId: bank.id, value: md5 } })).signalType).toBe('md5');

    const entries = await db.bankEntry.findMany({ where: { bankId: bank.id }, select: { id: true } });
    const changes = await changesOf(bank.id);
    expect(changes.every((c) => c.op === 'add')).toBe(true);
    expect(changes.map((c) => c.entryId).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(s.rematchRunId).toBeTruthy();
    expect(queued).toEqual([s.rematchRunId]);
    expect((await auditOf('bank.imported')).at(-1)!.details).toMatchObject({ file: 'list.csv', accepted: 14, inserted: 13, duplicates: 1, rejected: 2 });

    // A second file overlapping the first: only the new line is inserted and fed to the index.
    const extra = hex(32);
    const again = await importEntries({ ctx: { actor: admin }, input: { bankId: bank.id, text: `${pdq[3]}\n${extra}\n${pdq[4]}` } });
    expect(again).toMatchObject({ accepted: 3, inserted: 1, duplicates: 2, rejected: 0 });
    const after = await changesOf(bank.id);
    expect(after).toHaveLength(changes.length + 1);
    expect(after.at(-1)!.entryId).toBe((await db.bankEntry.findFirstOrThrow({ where: { bankId: bank.id, value: extra } })).id);

    // Nothing new: no rematch run.
    const none = await importEntries({ ctx: { actor: admin }, input: { bankId: bank.id, text: pdq[5] } });
    expect(none).toMatchObject({ inserted: 0, duplicates: 1, rematchRunId: null });
    expect(await db.rematchRun.count({ where: { bankId: bank.id } })).toBe(2);
  });

  it('takes sha256 when told, and does not rematch a disabled bank', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('sha'), label: 'other' } });
    await updateBank({ ctx: { actor: admin }, input: { id: bank.id, enabled: false } });
    const s = await importEntries({ ctx: { actor: admin }, input: { bankId: bank.id, text: `${hex(32)}\n${hex(16)}`, signal: 'sha256' } });
    expect(s).toMatchObject({ inserted: 1, rejected: 1, rematchRunId: null });
    expect((await db.bankEntry.findFirstOrThrow({ where: { bankId: bank.id } })).signalType).toBe('sha256');
    expect(queued).toEqual([]);
  });

  it('imports more than one chunk in a single transaction', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('big'), label: 'spam' } });
    const text = Array.from({ length: 12_001 }, () => hex(16)).join('\n');
    const s = await importEntries({ ctx: { actor: admin }, input: { bankId: bank.id, text } });
    expect(s.inserted).toBe(12_001);
    expect(await db.bankChange.count({ where: { bankId: bank.id, op: 'add' } })).toBe(12_001);
  });
});

describe('exporting, listing and entry toggles', () => {
  it('round-trips enabled entries through export and import, formula labels included', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('Round Trip!'), label: 'ncii' } });
    const rows = [`${hex(32)},"=HYPERLINK(""http://x.example"")"`, `${hex(16)},plain label`, `${hex(32)},"a, b"`, hex(16)];
    await importEntries({ ctx: { actor: admin }, input: { bankId: bank.id, text: rows.join('\n') } });
    const gone = await db.bankEntry.findFirstOrThrow({ where: { bankId: bank.id, label: 'plain label' } });
    await setEntryEnabled({ ctx: { actor: admin }, input: { bankId: bank.id, entryId: gone.id, enabled: false } });

    const file = await exportEntries({ ctx: { actor: userActor('moderator') }, input: { bankId: bank.id } });
    expect(file.filename).toMatch(/^round-trip-\d+-[0-9a-f]+\.csv$/);
    const lines: string[] = [];
    for await (const line of file) lines.push(line);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^[0-9a-f]{64},"'=HYPERLINK/);
    const back = parseHashCsv(lines.join('\n'));
    expect(back.rejected).toEqual([]);
    const stored = await db.bankEntry.findMany({ where: { bankId: bank.id, enabled: true }, orderBy: { id: 'asc' } });
    expect(back.accepted.map((a) => [a.value, a.label])).toEqual(stored.map((e) => [e.value, e.label]));
    expect((await auditOf('bank.exported')).at(-1)).toMatchObject({ targetId: bank.id, actorLabel: 'moderator@example.test' });
  });

  it('disabling an entry writes a remove change and an audit row; enabling adds it back and rematches', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('toggle'), label: 'spam' } });
    await importEntries({ ctx: { actor: admin }, input: { bankId: bank.id, text: hex(16) } });
    const entry = await db.bankEntry.findFirstOrThrow({ where: { bankId: bank.id } });
    queued.length = 0;
    const off = await setEntryEnabled({ ctx: { actor: admin }, input: { bankId: bank.id, entryId: entry.id, enabled: false } });
    expect(off.rematchRunId).toBeNull();
    expect((await changesOf(bank.id)).at(-1)).toMatchObject({ op: 'remove', entryId: entry.id });
    expect((await auditOf('bank.entry_disabled')).at(-1)).toMatchObject({ targetType: 'bank_entry', targetId: entry.id.toString() });
    // Same state again: nothing written.
    const count = (await changesOf(bank.id)).length;
    await setEntryEnabled({ ctx: { actor: admin }, input: { bankId: bank.id, entryId: entry.id, enabled: false } });
    expect(await changesOf(bank.id)).toHaveLength(count);
    const on = await setEntryEnabled({ ctx: { actor: admin }, input: { bankId: bank.id, entryId: entry.id, enabled: true } });
    expect((await changesOf(bank.id)).at(-1)).toMatchObject({ op: 'add', entryId: entry.id });
    expect(queued).toEqual([on.rematchRunId]);
    // The entry must belong to the bank named in the request.
    const other = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('other'), label: 'spam' } });
    await expect(setEntryEnabled({ ctx: { actor: admin }, input: { bankId: other.id, entryId: entry.id, enabled: false } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists banks with counts per signal and the latest run; get-bank pages and filters entries', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('listed'), label: 'terrorism', severity: 4 } });
    const md5s = Array.from({ length: 150 }, () => hex(16));
    const s = await importEntries({ ctx: { actor: admin }, input: { bankId: bank.id, text: [...md5s.map((h) => `${h},m`), `${hex(32)},pdq one`].join('\n') } });
    const viewer = userActor('viewer');
    const listed = (await listBanks({ ctx: { actor: viewer } })).find((b) => b.id === bank.id)!;
    expect(listed).toMatchObject({ entries: { md5: 150, pdq: 1, sha256: 0 }, disabledEntries: 0, latestRun: { id: s.rematchRunId, status: 'queued' } });
    expect((await listBanks({ ctx: { actor: viewer }, input: { kind: 'allow' } })).some((b) => b.id === bank.id)).toBe(false);

    const page1 = await getBank({ ctx: { actor: viewer }, input: { id: bank.id } });
    expect(page1.entries).toHaveLength(100);
    expect(page1.entries[0].label).toBe('pdq one');
    const page2 = await getBank({ ctx: { actor: viewer }, input: { id: bank.id, cursor: BigInt(page1.nextCursor!) } });
    expect(page2.entries).toHaveLength(51);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.entries, ...page2.entries].map((e) => e.id)).size).toBe(151);
    expect((await getBank({ ctx: { actor: viewer }, input: { id: bank.id, signal: 'pdq' } })).entries).toHaveLength(1);
    expect((await getBank({ ctx: { actor: viewer }, input: { id: bank.id, q: 'PDQ ONE' } })).entries).toHaveLength(1);
    expect((await getBank({ ctx: { actor: viewer }, input: { id: bank.id, q: md5s[7].slice(0, 20).toUpperCase() } })).entries[0].value).toBe(md5s[7]);
    expect(page1.runs[0].id).toBe(s.rematchRunId);
  });
});

describe('adding media from a report', () => {
  it('adds pdq, md5 and sha256 with provenance and one audit event, then reports them as existing', async () => {
    const { instance, media } = await seedMedia();
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('from reports'), label: 'csam', severity: 5 } });
    const mod: Actor = userActor('moderator', [instance.id], '00000000-0000-4000-8000-000000000077');
    const r = await addMediaToBank({ ctx: { actor: mod }, input: { mediaId: media.id, bankId: bank.id, label: 'seen in report' } });
    expect(r.added.map((a) => a.signalType).sort()).toEqual(['md5', 'pdq', 'sha256']);
    const entries = await db.bankEntry.findMany({ where: { bankId: bank.id } });
    expect(entries.map((e) => e.value).sort()).toEqual([media.pdqHash, media.md5, media.sha256].sort());
    for (const e of entries) {
      expect(e.label).toBe('seen in report');
      expect(e.provenance).toEqual({ source: 'media', mediaId: media.id, reportId: null, userId: '00000000-0000-4000-8000-000000000077', instanceId: instance.id });
    }
    expect((await changesOf(bank.id)).map((c) => c.op)).toEqual(['add', 'add', 'add']);
    expect(queued).toEqual([r.rematchRunId]);
    const event = (await auditOf('media.added_to_bank')).at(-1)!;
    expect(event).toMatchObject({ targetType: 'media', targetId: media.id, instanceId: instance.id, actorId: '00000000-0000-4000-8000-000000000077' });
    expect(event.details).toMatchObject({ bankId: bank.id, added: expect.arrayContaining(['pdq', 'md5', 'sha256']) });

    const again = await addMediaToBank({ ctx: { actor: mod }, input: { mediaId: media.id, bankId: bank.id } });
    expect(again).toMatchObject({ added: [], rematchRunId: null });
    expect(again.existing.sort()).toEqual(['md5', 'pdq', 'sha256']);
    expect(await changesOf(bank.id)).toHaveLength(3);
  });

  it('leaves out a low-quality PDQ hash', async () => {
    const { media } = await seedMedia({ quality: 30 });
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('lowq'), label: 'spam' } });
    const r = await addMediaToBank({ ctx: { actor: admin }, input: { mediaId: media.id, bankId: bank.id } });
    expect(r.added.map((a) => a.signalType).sort()).toEqual(['md5', 'sha256']);
    expect(r.skipped).toEqual([{ signalType: 'pdq', reason: 'quality 30 below 50' }]);
  });
});

describe('roles', () => {
  it('viewers and moderators cannot create, update, import or toggle; viewers cannot export or add media', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('roles'), label: 'spam' } });
    const { media } = await seedMedia();
    for (const role of ['viewer', 'moderator'] as const) {
      const ctx = { actor: userActor(role) };
      await expect(createBank({ ctx, input: { name: uniqueName('no'), label: 'spam' } })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateBank({ ctx, input: { id: bank.id, enabled: false } })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(importEntries({ ctx, input: { bankId: bank.id, text: hex(16) } })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(setEntryEnabled({ ctx, input: { bankId: bank.id, entryId: BigInt(1), enabled: false } })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(exportEntries({ ctx: { actor: userActor('viewer') }, input: { bankId: bank.id } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addMediaToBank({ ctx: { actor: userActor('viewer') }, input: { mediaId: media.id, bankId: bank.id } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.bankEntry.count({ where: { bankId: bank.id } })).toBe(0);
  });

  it('a moderator limited to another instance cannot add its media; moderators cannot fill allow banks', async () => {
    const { media } = await seedMedia();
    const { instance: elsewhere } = await seedMedia();
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('limited'), label: 'spam' } });
    const limited = userActor('moderator', [elsewhere.id]);
    await expect(addMediaToBank({ ctx: { actor: limited }, input: { mediaId: media.id, bankId: bank.id } })).rejects.toMatchObject({ code: 'forbidden' });
    const allow = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('allow'), kind: 'allow' } });
    await expect(addMediaToBank({ ctx: { actor: userActor('moderator') }, input: { mediaId: media.id, bankId: allow.id } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.bankEntry.count({ where: { bankId: { in: [bank.id, allow.id] } } })).toBe(0);
    expect((await addMediaToBank({ ctx: { actor: admin }, input: { mediaId: media.id, bankId: allow.id } })).added).toHaveLength(3);
  });
});
