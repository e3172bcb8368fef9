import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { createPeerTubeConnector } from './connector';
import { caught, withFakePeerTube, type PeerTubeSetup } from './test-support';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const writes = (s: PeerTubeSetup) => s.fake.state.records.filter((r) => r.path !== '/api/v1/users/token');
const abuse = (s: PeerTubeSetup, id: string) => s.fake.state.abuses.get(Number(id))!;

async function pendingReport(s: PeerTubeSetup, moderationComment: string | null = null): Promise<string> {
  return String(s.fake.addReport({ state: 1, moderationComment }).id);
}

describe('peertube report.reject', () => {
  it('sets state 2 with the comment and returns the fresh report with it as a note', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const id = await pendingReport(setup);
    const result = await setup.connector.perform({ kind: 'report.reject', reportId: id, comment: '  not a violation  ' });
    expect(abuse(setup, id)).toMatchObject({ state: 2, moderationComment: 'not a violation' });
    expect(writes(setup).map((r) => [r.method, r.path, r.body, r.status])).toEqual([
      ['PUT', `/api/v1/abuses/${id}`, { state: 2, moderationComment: 'not a violation' }, 204],
    ]);
    expect(result).toMatchObject({ ok: true, remoteRef: id, report: { resolved: true } });
    expect(result.report?.notes).toEqual([{ remoteId: null, author: null, text: 'not a violation', createdAt: null }]);
  });

  it('without a comment sends the state only, keeping the existing comment', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const id = await pendingReport(setup, 'Seen by Alice');
    expect(await setup.connector.perform({ kind: 'report.reject', reportId: id })).toEqual({ ok: true, remoteRef: id });
    expect(writes(setup).map((r) => r.body)).toEqual([{ state: 2 }]);
    expect(abuse(setup, id)).toMatchObject({ state: 2, moderationComment: 'Seen by Alice' });
  });
});

describe('peertube report.note and comment appends', () => {
  it('appends a note after a blank line, keeping what another moderator wrote, without touching the state', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const id = await pendingReport(setup, 'Alice: checked the uploader, first offence.');
    const result = await setup.connector.perform({ kind: 'report.note', reportId: id, text: 'Bob: second report today.' });
    const expected = 'Alice: checked the uploader, first offence.\n\nBob: second report today.';
    expect(abuse(setup, id)).toMatchObject({ state: 1, moderationComment: expected });
    expect(writes(setup).map((r) => [r.method, r.path, r.body])).toEqual([['PUT', `/api/v1/abuses/${id}`, { moderationComment: expected }]]);
    expect(result.report).toMatchObject({ resolved: false, notes: [{ text: expected, remoteId: null, author: null, createdAt: null }] });
  });

  it('writes the note alone on an empty comment', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const id = await pendingReport(setup, '   ');
    await setup.connector.perform({ kind: 'report.note', reportId: id, text: 'First look: spam.' });
    expect(abuse(setup, id).moderationComment).toBe('First look: spam.');
  });

  it('resolve appends its comment instead of overwriting the existing one', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const id = await pendingReport(setup, 'Alice: waiting for the uploader.');
    await setup.connector.perform({ kind: 'report.resolve', reportId: id, comment: 'Video removed.' });
    expect(abuse(setup, id)).toMatchObject({ state: 3, moderationComment: 'Alice: waiting for the uploader.\n\nVideo removed.' });
    expect(writes(setup).map((r) => r.body)).toEqual([{ state: 3, moderationComment: 'Alice: waiting for the uploader.\n\nVideo removed.' }]);
  });

  it('does not append the same note twice when a retried action finds it already written', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const id = await pendingReport(setup, 'Alice: hi');
    await setup.connector.perform({ kind: 'report.note', reportId: id, text: 'Bob: done' });
    await setup.connector.perform({ kind: 'report.note', reportId: id, text: 'Bob: done' });
    await setup.connector.perform({ kind: 'report.resolve', reportId: id, comment: 'Bob: done' });
    expect(abuse(setup, id)).toMatchObject({ state: 3, moderationComment: 'Alice: hi\n\nBob: done' });
    expect(writes(setup).map((r) => r.body)).toEqual([{ moderationComment: 'Alice: hi\n\nBob: done' }, { state: 3 }]);
  });

  it('refuses, before any write, a note that would take the comment past 3000 characters', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const existing = 'a'.repeat(2990);
    const id = await pendingReport(setup, existing);
    for (const action of [
      { kind: 'report.note', reportId: id, text: 'this is eleven+' },
      { kind: 'report.resolve', reportId: id, comment: 'this is eleven+' },
      { kind: 'report.reject', reportId: id, comment: 'this is eleven+' },
    ] as const) {
      const e = (await caught(() => setup!.connector.perform(action))) as AppError;
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe('bad_request');
      expect(e.userMessage).toContain('at most 3000 characters');
      expect(e.userMessage).toContain('2990');
      expect(e.userMessage).toContain('3007');
    }
    expect(writes(setup)).toEqual([]);
    expect(abuse(setup, id)).toMatchObject({ state: 1, moderationComment: existing });
    // Exactly at the limit is fine; emoji count as one character each, as PeerTube counts them.
    const fits = '😀'.repeat(8);
    await setup.connector.perform({ kind: 'report.note', reportId: id, text: fits });
    expect(Array.from(abuse(setup, id).moderationComment!).length).toBe(3000);
  });

  it('refuses an empty note and a one-character first comment (PeerTube needs 2)', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const id = await pendingReport(setup);
    const empty = (await caught(() => setup!.connector.perform({ kind: 'report.note', reportId: id, text: '  ' }))) as AppError;
    expect(empty).toMatchObject({ code: 'bad_request', userMessage: 'Write the note first.' });
    const short = (await caught(() => setup!.connector.perform({ kind: 'report.note', reportId: id, text: 'x' }))) as AppError;
    expect(short.code).toBe('bad_request');
    expect(short.userMessage).toContain('at least 2 characters');
    expect(writes(setup)).toEqual([]);
  });

  it('surfaces remote errors: a plain user is refused the read, a report deleted mid-way is not found', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const id = await pendingReport(setup);
    setup.fake.state.auth.role = 2;
    const refused = (await caught(() => setup!.connector.perform({ kind: 'report.note', reportId: id, text: 'hello' }))) as AppError;
    expect(refused).toMatchObject({ code: 'forbidden', details: { status: 403, remoteError: 'User does not have the right to do this' } });
    setup.fake.state.auth.role = 0;

    // Another moderator deletes the abuse between our read and our write.
    const fake = setup.fake;
    const connector = createPeerTubeConnector({
      baseUrl: fake.url,
      token: fake.token,
      sleep: async () => {},
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (url.includes('/api/v1/abuses?')) fake.state.abuses.delete(Number(id));
        return res;
      },
    });
    const gone = (await caught(() => connector.perform({ kind: 'report.note', reportId: id, text: 'hello' }))) as AppError;
    expect(gone).toMatchObject({ code: 'not_found', details: { status: 404, remoteError: 'Abuse not found' } });
    expect(gone.userMessage).toContain('Abuse not found');
    expect(writes(setup).at(-1)).toMatchObject({ method: 'PUT', path: `/api/v1/abuses/${id}`, status: 404 });
  });
});

describe('peertube moderation comment as notes', () => {
  it('maps a non-empty moderation comment to one note, and none otherwise', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const withComment = await pendingReport(setup, 'Alice: <b>look</b>\n\nBob: ok');
    const blank = await pendingReport(setup, '  ');
    const none = await pendingReport(setup, null);
    expect((await setup.connector.getReport(withComment)).notes).toEqual([
      { remoteId: null, author: null, text: 'Alice: <b>look</b>\n\nBob: ok', createdAt: null },
    ]);
    expect((await setup.connector.getReport(blank)).notes).toEqual([]);
    expect((await setup.connector.getReport(none)).notes).toEqual([]);
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.find((r) => r.remoteId === withComment)?.notes).toHaveLength(1);
  });
});
