/**
 * Property: whatever a hostile Lemmy lists as blocked instances (v3 and v4), listDomainBlocks returns or throws an
 * AppError, never anything else; every block it returns is a lower-case domain name, once, as a full block.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors';
import { fakeFetch, hostileValue, json, RUNS } from '../shared/fuzz-pages';
import { createLemmyConnector } from './connector';

const entry = fc.oneof(hostileValue, fc.domain().map((domain) => ({ domain })), fc.string().map((domain) => ({ domain })));
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

describe.each(['v3', 'v4'] as const)('lemmy listDomainBlocks on %s (property)', (api) => {
  it('never returns a block that is not a clean, unique domain, and fails only with AppError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 30 }), fc.boolean(), async (items, breakEnvelope) => {
        const body = api === 'v3'
          ? (breakEnvelope ? { federated_instances: items } : { federated_instances: { blocked: items } })
          : (breakEnvelope ? { items: 'x' } : { items: items.map((i) => (i && typeof i === 'object' && 'domain' in i ? { instance: i } : i)) });
        const connector = createLemmyConnector({
          baseUrl: 'https://lemmy.example', token: 'jwt-token-123', apiVersion: api, sleep: async () => {},
          fetch: fakeFetch(() => json(body)),
        });
        try {
          const { blocks } = await connector.listDomainBlocks!();
          for (const b of blocks) expect(b).toMatchObject({ domain: expect.stringMatching(DOMAIN), severity: 'suspend', remoteId: null });
          expect(new Set(blocks.map((b) => b.domain)).size).toBe(blocks.length);
        } catch (e) {
          expect(isAppError(e)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
