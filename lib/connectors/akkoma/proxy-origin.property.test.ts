import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyOrigin, purgeUrls } from './proxy-origin';

describe('proxyOrigin (property)', () => {
  it('round-trips any http(s) origin and never throws or returns a non-http URL on arbitrary input', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true }), fc.string(), (origin, junk) => {
      const url = `https://ak.test/proxy/sig_-1/${Buffer.from(origin).toString('base64url')}/f.png`;
      expect(proxyOrigin(url)).toBe(/\s/.test(origin) ? null : origin);
      const out = proxyOrigin(junk);
      expect(out === null || /^https?:\/\//i.test(out)).toBe(true);
      const forged = proxyOrigin(`https://ak.test/proxy/s/${Buffer.from(junk).toString('base64url')}/x`);
      expect(forged === null || /^https?:\/\/\S+$/i.test(forged)).toBe(true);
      const urls = purgeUrls([url, junk, url]);
      expect(new Set(urls).size).toBe(urls.length);
      expect(urls[0]).toBe(url);
    }), { numRuns: 300 });
  });
});
