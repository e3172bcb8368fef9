/**
 * Property: whatever a hostile Misskey answers to admin/meta, listDomainBlocks returns or throws an AppError; every
 * block is a clean host, once, suspend for blockedHosts (which win) and silence for silencedHosts only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors';
import { fakeFetch, hostileValue, json, RUNS } from '../shared/fuzz-pages';
import { createMisskeyConnector } from './connector';

const host = fc.oneof(hostileValue, fc.domain(), fc.string());
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

describe('misskey listDomainBlocks (property)', () => {
  it('never returns a block that is not a clean, unique host, and fails only with AppError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(host, { maxLength: 20 }), fc.oneof(fc.array(host, { maxLength: 20 }), hostileValue), async (blocked, silenced) => {
        const connector = createMisskeyConnector({
          baseUrl: 'https://misskey.example', token: 'token-123', sleep: async () => {},
          fetch: fakeFetch(() => json({ blockedHosts: blocked, silencedHosts: silenced })),
        });
        try {
          const { blocks } = await connector.listDomainBlocks!();
          expect(new Set(blocks.map((b) => b.domain)).size).toBe(blocks.length);
          const blockedSet = new Set(blocked.filter((h): h is string => typeof h === 'string').map((h) => h.trim().toLowerCase().replace(/\.$/, '')));
          for (const b of blocks) {
            expect(b.domain).toMatch(HOST);
            expect(b.severity).toBe(blockedSet.has(b.domain) ? 'suspend' : 'silence');
          }
        } catch (e) {
          expect(isAppError(e)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
