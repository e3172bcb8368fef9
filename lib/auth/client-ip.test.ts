import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';
import { parseTrustedProxies } from './trusted-proxies';

const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;
const proxies = parseTrustedProxies('10.0.0.0/8, ::1');

describe('clientIp', () => {
  it('ignores every proxy header when no proxy is trusted', () => {
    expect(clientIp(headers({ 'x-real-ip': '198.51.100.7' }), [])).toBeNull();
    expect(clientIp(headers({ 'x-forwarded-for': '198.51.100.7' }), [])).toBeNull();
  });

  it('takes the right-most address that is not a trusted proxy', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }), proxies)).toBe('203.0.113.9');
    expect(clientIp(headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9, 10.1.1.1, ::1' }), proxies)).toBe('203.0.113.9');
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '9.9.9.9' }), proxies)).toBe('203.0.113.9');
    expect(clientIp(headers({ 'x-forwarded-for': '::ffff:203.0.113.9' }), proxies)).toBe('203.0.113.9');
  });

  it('falls back to X-Real-IP only when the chain holds nothing but our proxies', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '10.0.0.2', 'x-real-ip': '203.0.113.5' }), proxies)).toBe('203.0.113.5');
    expect(clientIp(headers({ 'x-real-ip': '203.0.113.5' }), proxies)).toBe('203.0.113.5');
    expect(clientIp(headers({ 'x-forwarded-for': 'garbage, 203.0.113.9, nonsense' }), proxies)).toBeNull();
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address', () => {
    expect(() => parseTrustedProxies('10.0.0.1, proxy.internal')).toThrow(/TRUSTED_PROXIES/);
  });
});
