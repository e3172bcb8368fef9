/**
 * Watch terms: the stored form of what an admin types, and which posts carry a term. Tables for the cases people
 * hit, fast-check for the promises: hostile remote text never throws, a post built to contain a term is always
 * caught, and a domain never matches a different registrable name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { matchTerms, type MatchablePost } from '@/lib/watch/match-terms';
import { normalizeTerm } from '@/lib/watch/normalize-term';
import type { WatchKind } from '@/lib/watch/types';

const post = (p: Partial<MatchablePost>): MatchablePost => ({ contentHtml: '', spoilerText: '', tags: [], ...p });
const term = (kind: WatchKind, value: string) => ({ kind, value: normalizeTerm(kind, value) });
const hits = (p: Partial<MatchablePost>, kind: WatchKind, value: string) => matchTerms(post(p), [term(kind, value)]).length === 1;

describe('normalizeTerm', () => {
  it.each([
    ['hashtag', '#TradeTest', 'tradetest'],
    ['hashtag', '  ##Ｔｒａｄｅ_1 ', 'trade_1'],
    ['hashtag', 'Çafé', 'çafé'],
    ['keyword', '  Free   CRYPTO ', 'free crypto'],
    ['domain', 'Example.ORG', 'example.org'],
    ['domain', '*.example.org', 'example.org'],
    ['domain', '.example.org', 'example.org'],
    ['domain', 'https://Shop.Example.org:8443/x?y=1', 'shop.example.org'],
    ['domain', 'example.org.', 'example.org'],
    ['domain', 'bücher.example', 'xn--bcher-kva.example'],
  ] as const)('%s %j -> %j', (kind, raw, want) => {
    expect(normalizeTerm(kind, raw)).toBe(want);
  });

  it.each([
    ['hashtag', '#', 'Type a hashtag'],
    ['hashtag', '#trade-test', 'only letters, digits and _'],
    ['hashtag', '#two words', 'only letters, digits and _'],
    ['keyword', ' a ', 'at least 2'],
    ['keyword', 'x'.repeat(101), 'at most 100'],
    ['keyword', 'ab\u0000c', 'control characters'],
    ['domain', '', 'Type a domain'],
    ['domain', 'localhost', 'not a full domain'],
    ['domain', 'ftp://example.org', 'http(s)'],
    ['domain', 'exa mple.org', 'spaces'],
  ] as const)('%s %j is refused with words', (kind, raw, words) => {
    try {
      normalizeTerm(kind, raw);
      expect.unreachable('accepted');
    } catch (e) {
      expect(isAppError(e) && e.code === 'bad_request').toBe(true);
      expect(isAppError(e) && e.userMessage).toContain(words);
    }
  });
});

describe('matchTerms', () => {
  it.each([
    [{ tags: ['TradeTest'] }, 'hashtag', '#tradetest', true],
    [{ contentHtml: '<p>buy now <a class="hashtag" href="https://a.example/tags/TradeTest">#<span>TradeTest</span></a></p>' }, 'hashtag', 'tradetest', true],
    [{ contentHtml: '<p>#tradetesting</p>' }, 'hashtag', 'tradetest', false],
    [{ contentHtml: '<p>see https://a.example/#tradetest</p>' }, 'hashtag', 'tradetest', false],
    [{ contentHtml: '<p>FREE&nbsp;Crypto now</p>' }, 'keyword', 'free crypto', true],
    [{ contentHtml: '<p>Tom &amp; Jerry</p>' }, 'keyword', 'tom & jerry', true],
    [{ contentHtml: '<p>cryptocurrency</p>' }, 'keyword', 'crypto', false],
    [{ contentHtml: '<p>end of one</p><p>crypto</p>' }, 'keyword', 'one crypto', true],
    [{ spoilerText: 'Crypto giveaway' }, 'keyword', 'crypto', true],
    [{ contentHtml: '<script>crypto</script>' }, 'keyword', 'crypto', false],
    [{ contentHtml: '<a href="https://cdn.shop.example.org/x">here</a>' }, 'domain', 'example.org', true],
    [{ contentHtml: '<a href="https://EXAMPLE.org:8443/x">here</a>' }, 'domain', 'example.org', true],
    [{ contentHtml: '<a href="https://notexample.org/">x</a>' }, 'domain', 'example.org', false],
    [{ contentHtml: '<a href="https://example.org.evil.test/">x</a>' }, 'domain', 'example.org', false],
    [{ links: ['https://shop.example.org/item'] }, 'domain', 'example.org', true],
    [{ contentHtml: '<p>visit shop.example.org today</p>' }, 'domain', 'example.org', true],
    [{ contentHtml: '<p>visit example.org.evil.test today</p>' }, 'domain', 'example.org', false],
    [{ contentHtml: '<p>see https://bücher.example/x</p>' }, 'domain', 'bücher.example', true],
  ] as const)('%j with %s %s -> %s', (p, kind, value, want) => {
    expect(hits(p as unknown as Partial<MatchablePost>, kind, value)).toBe(want);
  });

  it('reports every term a post carries, in the order given', () => {
    const terms = [term('domain', 'example.org'), term('keyword', 'nope'), term('hashtag', 'tradetest')];
    const got = matchTerms(post({ contentHtml: '<a href="https://example.org">#tradetest</a>' }), terms);
    expect(got.map((t) => t.kind)).toEqual(['domain', 'hashtag']);
  });
});

const allTerms = [
  { kind: 'hashtag', value: 'tradetest' }, { kind: 'keyword', value: 'free crypto' }, { kind: 'domain', value: 'example.org' },
] as const;
const withNul = fc.string({ maxLength: 200 }).map((s) => s.replace(/a/g, '\u0000'));

describe('matchTerms properties', () => {
  it('never throws on arbitrary strings, NUL bytes included', () => {
    fc.assert(fc.property(withNul, withNul, fc.array(withNul, { maxLength: 5 }), fc.array(withNul, { maxLength: 5 }), (html, spoiler, tags, links) => {
      matchTerms({ contentHtml: `<p>${html}</p><a href="${html}">${spoiler}</a>`, spoilerText: spoiler, tags, links }, [...allTerms]);
      matchTerms({ contentHtml: html, spoilerText: spoiler, tags, links }, [...allTerms]);
    }), { numRuns: 300 });
  });

  const word = fc.stringMatching(/^[a-z0-9][a-z0-9 _+'!-]{0,20}[a-z0-9!+]$/).filter((s) => !/\s\s/.test(s));
  const filler = fc.string({ maxLength: 40 }).map((s) => s.replace(/[<>&"]/g, ' '));
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it('a keyword always matches a post built to contain it', () => {
    fc.assert(fc.property(word, filler, filler, fc.boolean(), (raw, before, after, upper) => {
      const t = term('keyword', raw);
      const shown = upper ? raw.toUpperCase() : raw;
      return matchTerms(post({ contentHtml: `<p>${escape(before)} ${escape(shown)}</p><p>${escape(after)}</p>` }), [t]).length === 1;
    }), { numRuns: 300 });
  });

  const valid = (kind: WatchKind) => (raw: string) => { try { normalizeTerm(kind, raw); return true; } catch { return false; } };
  const tagName = fc.stringMatching(/^[\p{L}\p{N}_]{1,30}$/u).filter(valid('hashtag'));
  it('a hashtag always matches a post built to carry it, in its tags or its text', () => {
    fc.assert(fc.property(tagName, filler, fc.boolean(), (raw, before, inTags) => {
      const t = term('hashtag', raw);
      // Servers list tags in any case; ASCII is flipped here (Unicode case mapping is not round-trip: U+1C80 -> В -> в).
      const p = inTags ? post({ tags: [raw.replace(/[a-z]/g, (c) => c.toUpperCase())] }) : post({ contentHtml: `<p>${escape(before)} #${raw}</p>` });
      return matchTerms(p, [t]).length === 1;
    }), { numRuns: 300 });
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  // A last label of digits makes the URL parser read an IPv4 address, so top-level labels are letters.
  const tld = fc.stringMatching(/^[a-z]{2,6}$/);
  const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 2 }), tld).map(([l, t]) => [...l, t].join('.'));
  it('a domain matches links to it and its subdomains', () => {
    fc.assert(fc.property(domain, fc.array(label, { maxLength: 2 }), fc.constantFrom('href', 'links', 'text'), (d, sub, where) => {
      const host = [...sub, d].join('.');
      const url = `https://${host}/path?q=1`;
      const p = where === 'href' ? post({ contentHtml: `<a href="${url}">link</a>` }) : where === 'links' ? post({ links: [url] }) : post({ contentHtml: `<p>go to ${url} now</p>` });
      return matchTerms(p, [term('domain', d)]).length === 1;
    }), { numRuns: 300 });
  });

  it('a domain never matches a different registrable name', () => {
    fc.assert(fc.property(domain, label, domain, fc.constantFrom('href', 'links', 'text'), (d, prefix, suffix, where) => {
      const others = [`${prefix}${d}`, `${d}.${suffix}`, `${d}-${prefix}.test`];
      return others.every((host) => {
        if (host === d || host.endsWith(`.${d}`)) return true; // generated into the watched domain itself
        const url = `https://${host}/x`;
        const p = where === 'href' ? post({ contentHtml: `<a href="${url}">link</a>` }) : where === 'links' ? post({ links: [url] }) : post({ contentHtml: `<p>${url}</p>` });
        return matchTerms(p, [term('domain', d)]).length === 0;
      });
    }), { numRuns: 300 });
  });
});
