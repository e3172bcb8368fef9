/** Property: hostile lookup payloads never throw anything but AppError and never yield a copy of another post. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { fakeFetch, hostileValue, json, mutate, mutations, RUNS } from '../shared/fuzz-pages';
import { createMisskeyConnector } from './connector';

const BASE = 'https://mk.example';
const ORIGIN_URI = 'https://spreader.test/users/spreader/statuses/1';
const ORIGIN_FILE = 'https://spreader.test/media/1.png';
const file = { id: 'f1', type: 'image/png', url: `${BASE}/files/f1`, thumbnailUrl: null, comment: null, isSensitive: false };
const users = [{ id: 'u1', username: 'spreader', host: 'spreader.test', name: null }];
const notes = [{ id: 'n1', uri: ORIGIN_URI, url: ORIGIN_URI, text: 'x', files: [file] }, { id: 'n2', uri: 'https://spreader.test/x', files: [file] }];
const adminFile = { ...file, uri: ORIGIN_FILE, isLink: false, userId: 'u1', userHost: 'spreader.test' };

describe('Misskey findCopies (property)', () => {
  it('throws only AppError and every copy is the origin post or a file at the origin URL', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(3), fc.option(hostileValue), fc.constantFrom(0, 1, 2), async (muts, wholeBody, which) => {
        const { raw } = mutate([structuredClone(users) as never, structuredClone(notes) as never, structuredClone(adminFile) as never], muts);
        const answer = (i: number) => json(wholeBody !== null && i === which ? wholeBody : raw[i]);
        const connector = createMisskeyConnector({
          baseUrl: BASE, token: 'tok', sleep: async () => {},
          fetch: fakeFetch((url) =>
            url.pathname === '/api/admin/show-users' ? answer(0) : url.pathname === '/api/users/notes' ? answer(1) : url.pathname === '/api/admin/drive/show-file' ? answer(2) : null),
        });
        try {
          const result = await connector.findCopies!({ originUri: ORIGIN_URI, originUrl: null, originMediaUrls: [ORIGIN_FILE], originAccount: { acct: 'spreader@spreader.test', url: null } });
          if (result.status !== 'checked') return;
          for (const c of result.copies) {
            if (c.foundBy === 'origin_uri') expect(c.postUri).toBe(ORIGIN_URI);
            else expect(c.postUri === null && (c.originMediaUrl === ORIGIN_FILE || c.mediaUrl === ORIGIN_FILE)).toBe(true);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      }),
      RUNS,
    );
  });
});
