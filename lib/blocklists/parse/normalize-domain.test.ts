import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeBlockDomain } from './normalize-domain';

describe('normalizeBlockDomain', () => {
  it('lower-cases, trims, strips one trailing dot and a pasted https:// with its bare slash', () => {
    expect(normalizeBlockDomain('  Bad.Example.COM.  ')).toEqual({ domain: 'bad.example.com', wildcard: false });
    expect(normalizeBlockDomain('https://bad.example/')).toEqual({ domain: 'bad.example', wildcard: false });
    expect(normalizeBlockDomain('HTTP://bad.example')).toEqual({ domain: 'bad.example', wildcard: false });
  });

  it('reads *.domain as the domain with wildcard set', () => {
    expect(normalizeBlockDomain('*.bad.example')).toEqual({ domain: 'bad.example', wildcard: true });
  });

  it('turns international names into punycode', () => {
    expect(normalizeBlockDomain('Bücher.example')).toEqual({ domain: 'xn--bcher-kva.example', wildcard: false });
  });

  it('keeps IP literals as given', () => {
    expect(normalizeBlockDomain('192.0.2.7')).toEqual({ domain: '192.0.2.7', wildcard: false });
    expect(normalizeBlockDomain('[2001:db8::1]')).toEqual({ domain: '[2001:db8::1]', wildcard: false });
  });

  it.each([
    ['', /empty/],
    ['bad.example/path', /path/],
    ['https://bad.example/users/x', /path/],
    ['ftp://bad.example', /scheme/],
    ['bad.example:443', /port/],
    ['a..example', /empty label/],
    [`${'a'.repeat(64)}.example`, /63/],
    [`${'abcdefghi.'.repeat(26)}example`, /253/],
    ['bad_name.example', /characters/],
    ['bad example.com', /characters/],
    ['-bad.example', /hyphen/],
    ['localhost', /full domain/],
    ['ex*mple.com', /obfuscated/],
    ['user@bad.example', /user/],
  ])('refuses %j', (raw, error) => {
    const r = normalizeBlockDomain(raw);
    expect('error' in r && r.error).toMatch(error);
  });

  it('accepts every ordinary domain name unchanged (lower-cased) and never throws on any string', () => {
    fc.assert(fc.property(fc.domain(), (d) => {
      const r = normalizeBlockDomain(d);
      if (!d.includes('.')) return;
      expect(r).toEqual({ domain: d.toLowerCase(), wildcard: false });
    }));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const r = normalizeBlockDomain(s);
      if ('domain' in r && !r.domain.startsWith('[') && !/^[\d.]+$/.test(r.domain)) expect(r.domain).toMatch(/^[a-z0-9.-]+$/);
    }));
  });
});
