import { afterEach, describe, expect, it } from 'vitest';
import { createPeerTubeConnector } from '../../../lib/connectors/peertube/connector';
import { PREDEFINED_REASONS } from './entities';
import { startFakePeerTube, type FakePeerTube } from './server';

let fake: FakePeerTube | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const control = (f: FakePeerTube, body: unknown) => fetch(`${f.url}/__fake/reports`, { method: 'POST', body: JSON.stringify(body) });

describe('fake PeerTube abuse reasons', () => {
  it('knows PeerTube 7\'s predefined reasons and refuses a misspelled one, as the real server does', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    expect(PREDEFINED_REASONS).toContain('violentOrRepulsive');
    expect((await control(fake, { predefinedReasons: ['violentOrAbusive'] })).status).toBe(400);
    const res = await control(fake, { predefinedReasons: ['violentOrRepulsive'] });
    expect(res.status).toBe(200);
    const connector = createPeerTubeConnector({ baseUrl: fake.url, token: fake.token, fetch: globalThis.fetch, sleep: async () => {} });
    const page = await connector.listReports({ resolved: false, limit: 10 });
    expect(page.items.map((r) => r.category)).toEqual(['violentOrRepulsive']);
    expect(page.items[0].target.suspended).toBeUndefined(); // abuse data carries no block state (I1)
  });
});
