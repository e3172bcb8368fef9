/**
 * Property for the domain block lists of Mastodon, GoToSocial and PeerTube (one file: the three share the
 * reading rules): valid lists with hostile values in random fields never make the read throw, every untouched block
 * comes back with its lower-case domain, and each damaged one is either still a clean block or skipped with a short
 * reason free of the injected text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, mutate, mutations, RUNS, SECRET } from '../shared/fuzz-pages';
import { createGoToSocialConnector } from '../gotosocial/connector';
import { createPeerTubeConnector } from '../peertube/connector';
import type { Connector } from '../types';
import { createMastodonConnector } from './connector';

const N = 6;
const domainOf = (i: number) => `Blocked-${i}.Example`;

const mastodonBlock = (i: number) => ({
  id: String(100 + i), domain: domainOf(i), digest: 'ab', created_at: '2026-01-01T00:00:00Z', severity: i % 2 ? 'silence' : 'suspend',
  reject_media: true, reject_reports: false, private_comment: 'private', public_comment: 'public', obfuscate: false,
});
const gtsBlock = (i: number) => ({
  id: `01J${String(i).padStart(23, '0')}`, domain: domainOf(i), obfuscate: false, public_comment: 'public', private_comment: '',
  silenced_at: '', suspended_at: '', created_by: '01J00000000000000000000000', created_at: '2026-01-01T00:00:00Z',
});
const peertubeBlock = (i: number) => ({
  byAccount: { id: 1, name: 'peertube', host: 'pt.example' }, blockedServer: { id: i, host: domainOf(i).toLowerCase() }, createdAt: '2026-01-01T00:00:00Z',
});

interface Kind {
  name: string;
  item: (i: number) => Record<string, unknown>;
  connector: (raw: unknown[]) => Connector;
}

const config = { baseUrl: 'https://server.example', token: 'tok', sleep: async () => {} };
const KINDS: Kind[] = [
  {
    name: 'mastodon', item: mastodonBlock,
    connector: (raw) => createMastodonConnector({ ...config, fetch: fakeFetch((u) => (u.pathname === '/api/v1/admin/domain_blocks' ? json(raw) : null)) }),
  },
  {
    name: 'gotosocial', item: gtsBlock,
    connector: (raw) => createGoToSocialConnector({ ...config, fetch: fakeFetch((u) => (u.pathname === '/api/v1/admin/domain_blocks' ? json(raw) : null)) }),
  },
  {
    name: 'peertube', item: peertubeBlock,
    connector: (raw) => createPeerTubeConnector({
      ...config,
      fetch: fakeFetch((u) => (u.pathname === '/api/v1/server/blocklist/servers' ? json({ total: raw.length, data: u.searchParams.get('start') === '0' ? raw : [] }) : null)),
    }),
  },
];

describe.each(KINDS)('$name listDomainBlocks (property)', (kind) => {
  it('completes, returns every untouched block, and skips the rest with a clean reason', async () => {
    const items = Array.from({ length: N }, (_, i) => kind.item(i));
    await fc.assert(
      fc.asyncProperty(mutations(N), async (muts) => {
        const { raw, touched } = mutate(items as never, muts);
        const { blocks, skipped } = await kind.connector(raw).listDomainBlocks!();
        const domains = blocks.map((b) => b.domain);
        for (let i = 0; i < N; i++) if (!touched.has(i)) expect(domains).toContain(domainOf(i).toLowerCase());
        for (const b of blocks) {
          expect(b.domain).toMatch(/^[a-z0-9_*-]+(\.[a-z0-9_*-]+)*(:\d{1,5})?$/);
          expect(['silence', 'suspend', 'noop']).toContain(b.severity);
        }
        expect(blocks.length + skipped.length).toBeLessThanOrEqual(N);
        for (const s of skipped) {
          expect(s.error).not.toContain(SECRET);
          expect(s.error.length).toBeLessThanOrEqual(300);
        }
      }),
      RUNS,
    );
  });
});
