/** findCopies on Misskey against a stub server: which endpoints it asks, what it maps, and what it never calls. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { fakeFetch, json } from '../shared/fuzz-pages';
import type { CopyQuery } from '../types';
import { createMisskeyConnector } from './connector';

const BASE = 'https://mk.example';
const ORIGIN_URI = 'https://spreader.test/users/spreader/statuses/1';
const ORIGIN_FILE = 'https://spreader.test/media/1.png';
const QUERY: CopyQuery = { originUri: ORIGIN_URI, originUrl: 'https://spreader.test/@spreader/1', originMediaUrls: [ORIGIN_FILE], originAccount: { acct: 'spreader@spreader.test', url: null } };

const user = (username: string, host: string | null, id = 'u1') => ({ id, username, host, name: null });
const file = { id: 'f1', type: 'image/png', url: `${BASE}/files/f1`, thumbnailUrl: null, comment: null, isSensitive: false };
const note = (id: string, uri: string | null) => ({ id, uri, url: uri, text: 'x', files: [file] });
const noSuch = (code: string) => json({ error: { message: 'No such.', code, id: 'caf3ca38-c6e5-472e-a30c-b05377dcc240', kind: 'client' } }, { status: 400 });

function connectorWith(answers: Record<string, (body: Record<string, unknown>) => Response>) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  const connector = createMisskeyConnector({
    baseUrl: BASE, token: 'tok', sleep: async () => {},
    fetch: fakeFetch((url, init) => {
      const endpoint = url.pathname.replace(/^\/api\//, '');
      const { i: _i, ...body } = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      calls.push([endpoint, body]);
      return answers[endpoint]?.(body) ?? null;
    }),
  });
  return { connector, calls };
}

describe('Misskey findCopies', () => {
  it('finds the note by its origin URI through the account, and reads the file\'s origin URL', async () => {
    const { connector, calls } = connectorWith({
      // LIKE matches: a longer username and another host come back too, and are ignored.
      'admin/show-users': () => json([user('spreader2', 'spreader.test', 'u0'), user('spreader', 'spreader.test.evil', 'u9'), user('Spreader', 'SPREADER.test')]),
      'users/notes': () => json([note('n2', 'https://spreader.test/other'), note('n1', ORIGIN_URI)]),
      'admin/drive/show-file': () => json({ ...file, uri: ORIGIN_FILE, isLink: false, userId: 'u1', userHost: 'spreader.test' }),
    });
    const result = await connector.findCopies!(QUERY);
    expect(result).toEqual({
      status: 'checked',
      checked: expect.stringContaining('spreader@spreader.test'),
      copies: [{
        postId: 'n1', postUrl: `${BASE}/notes/n1`, postUri: ORIGIN_URI, mediaId: 'f1', mediaUrl: `${BASE}/files/f1`, originMediaUrl: ORIGIN_FILE,
        account: { remoteId: 'u1', acct: 'Spreader@SPREADER.test' }, foundBy: 'origin_uri',
      }],
    });
    expect(calls).toEqual([
      ['admin/show-users', { origin: 'remote', username: 'spreader', hostname: 'spreader.test', limit: 100 }],
      ['users/notes', { userId: 'u1', withFiles: true, limit: 100 }],
      ['admin/drive/show-file', { fileId: 'f1' }],
    ]);
  });

  it('falls back to a linked (uncached) file by its origin URL when the account is unknown', async () => {
    const { connector, calls } = connectorWith({
      'admin/show-users': () => json([]),
      'admin/drive/show-file': () => json({ ...file, id: 'f7', url: ORIGIN_FILE, uri: ORIGIN_FILE, isLink: true, userId: 'u7', userHost: 'spreader.test' }),
    });
    const result = await connector.findCopies!(QUERY);
    expect(result.status === 'checked' && result.copies).toEqual([{
      postId: null, postUrl: null, postUri: null, mediaId: 'f7', mediaUrl: ORIGIN_FILE, originMediaUrl: ORIGIN_FILE,
      account: { remoteId: 'u7', acct: 'spreader@spreader.test' }, foundBy: 'media_url',
    }]);
    expect(calls.map((c) => c[0])).toEqual(['admin/show-users', 'admin/drive/show-file']);
    expect(calls[1][1]).toEqual({ url: ORIGIN_FILE });
  });

  it('answers "checked, none" when nothing is held (NO_SUCH_FILE is an answer, not an error)', async () => {
    const { connector, calls } = connectorWith({
      'admin/show-users': () => json([user('spreader', 'spreader.test')]),
      'users/notes': () => json([note('n2', 'https://spreader.test/other')]),
      'admin/drive/show-file': () => noSuch('NO_SUCH_FILE'),
    });
    expect(await connector.findCopies!(QUERY)).toEqual({ status: 'checked', copies: [], checked: expect.any(String) });
    expect(calls.length).toBeLessThanOrEqual(3);
  });

  it('says it cannot check an item with neither account nor file URL, without asking anything', async () => {
    const { connector, calls } = connectorWith({});
    const result = await connector.findCopies!({ originUri: ORIGIN_URI, originUrl: null, originMediaUrls: [], originAccount: null });
    expect(result.status).toBe('cannot_check');
    expect(calls).toEqual([]);
  });

  it('surfaces a missing permission with the kind to add, and never calls a fetching endpoint', async () => {
    const { connector, calls } = connectorWith({
      'admin/show-users': () => json({ error: { message: 'no', code: 'PERMISSION_DENIED', id: '1370e5b7-d4eb-4566-bb1d-7748ee6a1838', kind: 'permission' } }, { status: 403 }),
    });
    const err = await connector.findCopies!(QUERY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details).toMatchObject({ missingPermission: 'read:admin:show-user' });
    expect(calls.map((c) => c[0])).not.toContain('ap/show');
    expect(calls.map((c) => c[0])).not.toContain('users/show');
  });
});
