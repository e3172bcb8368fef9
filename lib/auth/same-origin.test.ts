import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './same-origin';

const APP = 'https://mod.example.org';

function req(method: string, headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/x'): Request {
  return new Request(url, { method, headers });
}

describe('same-origin check', () => {
  it('lets safe methods through', () => {
    expect(isSameOriginRequest(req('GET', { origin: 'https://evil.test' }), APP)).toBe(true);
  });

  it('accepts an Origin matching Host, X-Forwarded-Host or the app URL', () => {
    expect(isSameOriginRequest(req('POST', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), APP)).toBe(true);
    expect(isSameOriginRequest(req('POST', { host: 'internal:3000', 'x-forwarded-host': 'mod.example.org', origin: 'https://mod.example.org' }), APP)).toBe(true);
    expect(isSameOriginRequest(req('PATCH', { host: 'internal:3000', origin: 'https://mod.example.org' }), APP)).toBe(true);
  });

  it('refuses other origins and requests that say nothing', () => {
    expect(isSameOriginRequest(req('POST', { host: '127.0.0.1:3000', origin: 'https://evil.test' }), APP)).toBe(false);
    expect(isSameOriginRequest(req('DELETE', { host: 'mod.example.org' }, 'https://mod.example.org/api/x'), 'https://other.test')).toBe(false);
    expect(isSameOriginRequest(req('POST', { host: '127.0.0.1:3000', origin: 'null', 'sec-fetch-site': 'cross-site' }), APP)).toBe(false);
  });

  it('falls back to Sec-Fetch-Site and Referer', () => {
    expect(isSameOriginRequest(req('POST', { host: '127.0.0.1:3000', origin: 'null', 'sec-fetch-site': 'same-origin' }), APP)).toBe(true);
    expect(isSameOriginRequest(req('POST', { host: '127.0.0.1:3000', referer: 'http://127.0.0.1:3000/users' }), APP)).toBe(true);
  });
});
