import { describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { clientIp } from './client-ip';
import { applyPeerHeaders, PEER_HEADER } from './peer-header';
import { parseTrustedProxies } from './trusted-proxies';

const proxies = parseTrustedProxies('10.0.0.0/8');
const getter = (h: IncomingHttpHeaders) => (name: string) => (typeof h[name] === 'string' ? (h[name] as string) : null);

describe('the peer address from our own web server', () => {
  it('a direct client cannot choose its address: forged proxy and peer headers are replaced by the socket address', () => {
    const h: IncomingHttpHeaders = { 'x-forwarded-for': '203.0.113.1', 'x-real-ip': '203.0.113.2', [PEER_HEADER]: '203.0.113.3', 'x-forwarded-host': 'evil.example' };
    applyPeerHeaders(h, '198.51.100.7', proxies);
    expect(h['x-forwarded-for']).toBeUndefined();
    expect(h['x-forwarded-host']).toBeUndefined();
    expect(h[PEER_HEADER]).toBe('198.51.100.7');
    expect(clientIp(getter(h), proxies, true)).toBe('198.51.100.7');
    expect(clientIp(getter(h), [], true)).toBe('198.51.100.7'); // no proxies configured: the per-IP limit still works
  });

  it('a trusted proxy keeps its headers and speaks for the client', () => {
    const h: IncomingHttpHeaders = { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' };
    applyPeerHeaders(h, '10.0.0.5', proxies);
    expect(clientIp(getter(h), proxies, true)).toBe('203.0.113.9');
  });

  it('outside our server (a bare `next start`) the peer header is not believed', () => {
    expect(clientIp(getter({ [PEER_HEADER]: '198.51.100.7' }), [], false)).toBeNull();
  });
});
