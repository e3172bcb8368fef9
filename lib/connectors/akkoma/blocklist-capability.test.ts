/** Akkoma cannot take blocklists through its API: no capability, no list reader, a note saying why, and a refusal. */
import { describe, expect, it } from 'vitest';
import { akkomaCapabilities } from './capabilities';
import { createAkkomaConnector } from './connector';

describe('akkoma and blocklists', () => {
  it('declares no blocklist capability and explains why', () => {
    expect(akkomaCapabilities.blocklist).toBeUndefined();
    expect(akkomaCapabilities.actions).not.toContain('domain.blocks_reconcile');
    expect(akkomaCapabilities.notes['domain.blocks_reconcile']).toMatch(/MRF SimplePolicy/);
  });

  it('has no block list reader and refuses a reconcile without sending anything', async () => {
    let calls = 0;
    const connector = createAkkomaConnector({
      baseUrl: 'http://akkoma.invalid', token: 'token-123',
      fetch: async () => {
        calls++;
        return new Response('{}', { status: 500 });
      },
    });
    expect(connector.listDomainBlocks).toBeUndefined();
    await expect(connector.perform({ kind: 'domain.blocks_reconcile', changes: [{ domain: 'x.example', target: null }] })).rejects.toMatchObject({ code: 'unsupported' });
    expect(calls).toBe(0);
  });
});
