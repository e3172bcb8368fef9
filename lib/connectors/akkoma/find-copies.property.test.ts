/** Property: hostile lookup payloads never throw anything but AppError and never yield a copy of another item. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { fakeFetch, hostileValue, json, mutate, mutations, RUNS } from '../shared/fuzz-pages';
import { createAkkomaConnector } from './connector';

const BASE = 'https://ak.example';
const ORIGIN_URI = 'https://spreader.test/users/spreader/statuses/1';
const ORIGIN_FILE = 'https://spreader.test/media/1.png';
const account = { id: 'AC1', username: 'spreader', acct: 'spreader@spreader.test' };
const userList = { users: [{ id: 'A1', nickname: 'spreader@spreader.test' }], count: 1, page_size: 50 };
const statuses = {
  total: 2,
  activities: [
    { id: 'S1', uri: ORIGIN_URI, account, media_attachments: [{ id: 'M1', type: 'image', url: `${BASE}/m`, remote_url: ORIGIN_FILE }] },
    { id: 'S2', uri: 'https://spreader.test/x', account, media_attachments: [{ id: 'M2', type: 'image', url: `${BASE}/n`, remote_url: 'https://x/y' }] },
  ],
};

describe('Akkoma findCopies (property)', () => {
  it('throws only AppError, and every copy is the origin post or carries the origin file', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(2), fc.option(hostileValue), fc.constantFrom(0, 1), async (muts, wholeBody, which) => {
        const { raw } = mutate([structuredClone(userList) as never, structuredClone(statuses) as never], muts);
        const answer = (i: number) => json(wholeBody !== null && i === which ? wholeBody : raw[i]);
        const connector = createAkkomaConnector({
          baseUrl: BASE, token: 'tok', sleep: async () => {},
          fetch: fakeFetch((url) => (url.pathname === '/api/v1/pleroma/admin/users' ? answer(0) : url.pathname.endsWith('/statuses') ? answer(1) : null)),
        });
        try {
          const result = await connector.findCopies!({ originUri: ORIGIN_URI, originUrl: null, originMediaUrls: [ORIGIN_FILE], originAccount: { acct: 'spreader@spreader.test', url: null } });
          if (result.status !== 'checked') return;
          for (const c of result.copies) {
            if (c.foundBy === 'origin_uri') expect(c.postUri).toBe(ORIGIN_URI);
            else expect(c.originMediaUrl).toBe(ORIGIN_FILE);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      }),
      RUNS,
    );
  });
});
