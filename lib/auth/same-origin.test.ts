import { describe, expect, it } from 'vitest';
import { isSameOriginRequest, type SameOriginConfig } from './same-origin';
import { parseTrustedProxies } from './trusted-proxies';

const APP: SameOriginConfig = { appUrl: 'https://mod.example.org', appUrlConfigured: true, proxies: [] };
const BEHIND_PROXY: SameOriginConfig = { ...APP, appUrl: 'http://127.0.0.1:3000', appUrlConfigured: false, proxies: parseTrustedProxies('10.0.0.0/8') };
const DEV: SameOriginConfig = { appUrl: 'http://127.0.0.1:3000', appUrlConfigured: false, proxies: [] };

function req(method: string, headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/x'): Request {
  return new Request(url, { method, headers });
}

describe('same-origin check', () => {
  it('lets safe methods through', () => {
    expect(isSameOriginRequest(req('GET', { origin: 'https://evil.test' }), APP)).toBe(true);
  });

  it("accepts an Origin equal to the app URL's scheme, host and port", () => {
    expect(isSameOriginRequest(req('POST', { host: 'internal:3000', origin: 'https://mod.example.org' }), APP)).toBe(true);
    expect(isSameOriginRequest(req('PATCH', { host: 'internal:3000', origin: 'https://MOD.example.org:443' }), APP)).toBe(true);
  });

  it('refuses another scheme or port of the same host', () => {
    expect(isSameOriginRequest(req('POST', { host: 'mod.example.org', origin: 'http://mod.example.org' }), APP)).toBe(false);
    expect(isSameOriginRequest(req('POST', { host: 'mod.example.org', origin: 'https://mod.example.org:8443' }), APP)).toBe(false);
    expect(isSameOriginRequest(req('POST', { host: 'mod.example.org', referer: 'http://mod.example.org/users' }), APP)).toBe(false);
  });

  it('ignores Host and X-Forwarded-Host unless they can be trusted', () => {
    // With APP_URL set and no trusted proxy, neither header widens what is accepted.
    expect(isSameOriginRequest(req('POST', { host: 'evil.test', origin: 'https://evil.test' }), APP)).toBe(false);
    expect(isSameOriginRequest(req('POST', { host: 'internal:3000', 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https', origin: 'https://evil.test' }), APP)).toBe(false);
    // Behind a trusted proxy the forwarded scheme and host count, compared as a whole.
    const fwd = { host: 'internal:3000', 'x-forwarded-host': 'mod.example.org', 'x-forwarded-proto': 'https' };
    expect(isSameOriginRequest(req('POST', { ...fwd, origin: 'https://mod.example.org' }), BEHIND_PROXY)).toBe(true);
    expect(isSameOriginRequest(req('POST', { ...fwd, origin: 'http://mod.example.org' }), BEHIND_PROXY)).toBe(false);
    // Without APP_URL (direct development setup) the Host header counts, over plain http only.
    expect(isSameOriginRequest(req('POST', { host: 'localhost:3000', origin: 'http://localhost:3000' }), DEV)).toBe(true);
    expect(isSameOriginRequest(req('POST', { host: 'localhost:3000', origin: 'http://localhost:3001' }), DEV)).toBe(false);
    expect(isSameOriginRequest(req('POST', { host: 'localhost:3000', 'x-forwarded-host': 'evil.test', origin: 'http://evil.test' }), DEV)).toBe(false);
  });

  it('refuses other origins and requests that say nothing', () => {
    expect(isSameOriginRequest(req('POST', { host: '127.0.0.1:3000', origin: 'https://evil.test' }), APP)).toBe(false);
    expect(isSameOriginRequest(req('DELETE', { host: 'mod.example.org' }, 'https://mod.example.org/api/x'), { ...APP, appUrl: 'https://other.test' })).toBe(false);
    expect(isSameOriginRequest(req('POST', { host: '127.0.0.1:3000', origin: 'null', 'sec-fetch-site': 'cross-site' }), APP)).toBe(false);
  });

  it('falls back to Sec-Fetch-Site and Referer', () => {
    expect(isSameOriginRequest(req('POST', { host: '127.0.0.1:3000', origin: 'null', 'sec-fetch-site': 'same-origin' }), APP)).toBe(true);
    expect(isSameOriginRequest(req('POST', { host: '127.0.0.1:3000', referer: 'https://mod.example.org/users' }), APP)).toBe(true);
  });
});
