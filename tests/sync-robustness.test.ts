/**
 * Issue 8 point 1 at the sync level: whatever a connector lets through, one bad item never stops a sync or hides
 * the good items after it, and the reason is recorded in one line without report text.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { RemoteReport } from '@/lib/connectors/types';
import { syncInstance } from '@/lib/sync/sync-instance';
import { account, report, scriptedInstance } from './sync-fake-connector';

vi.mock('@/lib/instances/connector-for', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/instances/connector-for')>();
  const { servers, scriptedConnector } = await import('./sync-fake-connector');
  return {
    ...real,
    connectorFor: async (instance: Parameters<typeof real.connectorFor>[0]) => {
      const server = servers.get(instance.id);
      return server ? scriptedConnector(server) : real.connectorFor(instance);
    },
  };
});

afterEach(() => vi.restoreAllMocks());

/** The app's role may not create triggers; the test database's owner can (tests/support/db-per-file.ts). */
async function asOwner(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const issues = (instanceId: string) => db.syncIssue.findMany({ where: { instanceId }, orderBy: { createdAt: 'asc' } });
const remoteIds = async (instanceId: string) => (await db.report.findMany({ where: { instanceId }, select: { remoteId: true } })).map((r) => r.remoteId).sort();

describe('sync robustness: each fault of issue 8 point 1', () => {
  it('a comment containing U+0000 lands without it, and the items after it land', async () => {
    const { instanceId } = await scriptedInstance([[report('1'), report('2', { comment: 'bad\u0000comment' }), report('3')]]);
    const out = await syncInstance(instanceId);
    expect(out.created).toBe(3);
    expect((await db.report.findFirstOrThrow({ where: { instanceId, remoteId: '2' } })).comment).toBe('badcomment');
  });

  it('NUL in names, post HTML, media descriptions and notes is stripped too', async () => {
    const r = report('1', { target: account('t1', { displayName: 'a\u0000b', username: 'u\u0000' }), notes: [{ remoteId: null, author: null, text: 'n\u0000', createdAt: null }] });
    r.statuses[0].contentHtml = '<p>x\u0000y</p>';
    r.statuses[0].media[0].description = 'd\u0000';
    const { instanceId } = await scriptedInstance([[r]]);
    expect((await syncInstance(instanceId)).created).toBe(1);
    expect((await db.account.findFirstOrThrow({ where: { instanceId, remoteId: 't1' } })).displayName).toBe('ab');
  });

  it('a createdAt that is not a date skips that item with a reason; the others land', async () => {
    const { instanceId } = await scriptedInstance([[report('1'), report('2', { createdAt: 'yesterday-ish' }), report('3')]]);
    const out = await syncInstance(instanceId);
    expect(out).toMatchObject({ created: 2, skipped: 1 });
    expect(await remoteIds(instanceId)).toEqual(['1', '3']);
    const [issue] = await issues(instanceId);
    expect(issue).toMatchObject({ remoteId: '2', error: expect.stringMatching(/createdAt: not a date/) });
  });

  it('any other date that is not a date is stored as unknown', async () => {
    const r = report('1', { updatedAt: 'not a date', resolvedAt: '2026-13-45' });
    r.statuses[0].createdAt = 'NaN';
    const { instanceId } = await scriptedInstance([[r]]);
    expect((await syncInstance(instanceId)).created).toBe(1);
    expect((await db.report.findFirstOrThrow({ where: { instanceId } })).remoteUpdatedAt).toBeNull();
    expect((await db.status.findFirstOrThrow({ where: { instanceId } })).remoteCreatedAt).toBeNull();
  });

  it('a stored open report whose refresh the server rejects is recorded and does not fail this or later syncs', async () => {
    const { instanceId, server } = await scriptedInstance([[report('1'), report('2')]]);
    await syncInstance(instanceId);
    // Report 2 leaves the open list; reading it alone now fails the way a refresh-only id rule would.
    server.pages = [[report('1')]];
    server.failGet.set('2', new AppError('bad_request', 'Invalid remote id', { userMessage: 'That remote id is not valid.' }));
    for (let i = 0; i < 2; i++) {
      const out = await syncInstance(instanceId);
      expect(out.skipped).toBe(1);
    }
    expect((await db.instance.findUniqueOrThrow({ where: { id: instanceId } })).status).toBe('ok');
    const recorded = await issues(instanceId);
    expect(recorded).toHaveLength(1); // once per item and error, not once per sync
    expect(recorded[0]).toMatchObject({ remoteId: '2', error: expect.stringMatching(/^refresh failed: bad_request/) });
    // not_found still resolves it.
    server.failGet.delete('2');
    server.byId.delete('2');
    await syncInstance(instanceId);
    expect((await db.report.findFirstOrThrow({ where: { instanceId, remoteId: '2' } })).status).toBe('resolved');
  });

  it('an instance-wide failure during the refresh still fails the sync (the job retries)', async () => {
    const { instanceId, server } = await scriptedInstance([[report('1')]]);
    await syncInstance(instanceId);
    server.pages = [[]];
    server.failGet.set('1', new AppError('remote_unreachable', 'down'));
    await expect(syncInstance(instanceId)).rejects.toMatchObject({ code: 'remote_unreachable' });
  });

  it('a database error on one item is recorded in one line without report text, and the rest of the page lands', async () => {
    // A real Postgres refusal for one row, whatever the cause: the page's batch fails and is retried item by item.
    await asOwner(`CREATE OR REPLACE FUNCTION refuse_secret() RETURNS trigger AS $$
      BEGIN IF NEW.comment LIKE '%SECRET-REPORT-TEXT%' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await asOwner(`CREATE TRIGGER refuse_secret BEFORE INSERT OR UPDATE ON "Report" FOR EACH ROW EXECUTE FUNCTION refuse_secret()`);
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
    try {
      const { instanceId } = await scriptedInstance([[report('1'), report('2', { comment: 'SECRET-REPORT-TEXT here' }), report('3')], [report('4')]]);
      const out = await syncInstance(instanceId);
      expect(out).toMatchObject({ created: 3, skipped: 1 });
      expect(await remoteIds(instanceId)).toEqual(['1', '3', '4']);
      const [issue] = await issues(instanceId);
      expect(issue.remoteId).toBe('2');
      expect(issue.error).toMatch(/^write failed: database error/);
      expect(issue.error).not.toContain('SECRET');
      expect(lines.join('\n')).not.toContain('SECRET-REPORT-TEXT');
      for (const line of lines) expect(line).not.toContain('\n');
    } finally {
      await asOwner('DROP TRIGGER refuse_secret ON "Report"');
    }
  });
});

/** One fault a connector might let through, and whether the item can still be written (cleaned) or must be skipped. */
type Fault = { apply: (r: RemoteReport) => void; lands: boolean };

const nul = (s: string) => `${s.slice(0, 2)}\u0000${s.slice(2)}`;
const FAULTS: Record<string, Fault> = {
  none: { apply: () => {}, lands: true },
  nulComment: { apply: (r) => { r.comment = nul(r.comment); }, lands: true },
  nulName: { apply: (r) => { r.target = { ...r.target, displayName: nul(r.target.displayName), username: nul(r.target.username) }; }, lands: true },
  nulHtml: { apply: (r) => { r.statuses[0].contentHtml = nul(r.statuses[0].contentHtml); }, lands: true },
  nulCategory: { apply: (r) => { r.category = nul(r.category); }, lands: true },
  hugeComment: { apply: (r) => { r.comment = 'x'.repeat(50_000); }, lands: true },
  badUpdatedAt: { apply: (r) => { r.updatedAt = 'soon'; }, lands: true },
  badStatusDate: { apply: (r) => { r.statuses[0].createdAt = '2026-02-30T99:00:00Z'; }, lands: true },
  badNoteDate: { apply: (r) => { r.notes = [{ remoteId: '1', author: null, text: 't', createdAt: 'tomorrow' }]; }, lands: true },
  farFuture: { apply: (r) => { r.resolvedAt = '+275760-09-13T00:00:00.000Z'; }, lands: true },
  badCreatedAt: { apply: (r) => { r.createdAt = 'Invalid Date'; }, lands: false },
  emptyCreatedAt: { apply: (r) => { r.createdAt = ''; }, lands: false },
  nulId: { apply: (r) => { r.remoteId = nul(`${r.remoteId}xx`); }, lands: false },
  noStatusesArray: { apply: (r) => { Object.assign(r, { statuses: null }); }, lands: false },
  noTarget: { apply: (r) => { Object.assign(r, { target: undefined }); }, lands: false },
};

describe('sync robustness: property', () => {
  it('valid pages with random malformed values: the sync completes, good items land, bad ones are SyncIssues', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...Object.keys(FAULTS)), { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        async (faults, pageSize, shareTarget) => {
          const items = faults.map((f, i) => {
            const r = report(String(i + 1), shareTarget && i % 2 ? { target: account('shared') } : {});
            FAULTS[f].apply(r);
            return { r, lands: FAULTS[f].lands, id: String(i + 1) };
          });
          const pages: RemoteReport[][] = [];
          for (let i = 0; i < items.length; i += pageSize) pages.push(items.slice(i, i + pageSize).map((x) => x.r));
          const { instanceId } = await scriptedInstance(pages);
          const out = await syncInstance(instanceId);
          const good = items.filter((x) => x.lands).map((x) => x.id).sort();
          expect(await remoteIds(instanceId)).toEqual(good);
          expect(out.skipped).toBe(items.length - good.length);
          const recorded = await issues(instanceId);
          expect(recorded).toHaveLength(items.length - good.length);
          // A second sync writes nothing new and records nothing new.
          const again = await syncInstance(instanceId);
          expect(again).toMatchObject({ created: 0, updated: 0, unchanged: good.length });
          expect(await db.syncIssue.count({ where: { instanceId } })).toBe(recorded.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});
