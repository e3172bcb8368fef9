/**
 * The search parts rendered to HTML (react-dom/server): the nav box is a labelled search form, results are grouped
 * with counts, hits carry their test ids, remote text stays escaped text, external links are marked and safe, and
 * the saved-filter query comparison ignores cursor, limit and key order. Plus the pure helpers (fast-check).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SearchResult } from '@/lib/search/types';
import { excerptAround } from '@/lib/search/excerpt-around';
import { parseHashQuery } from '@/lib/search/hash-query';
import { escapeLike } from '@/lib/search/like-pattern';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn() }) }));

const { SearchBox } = await import('@/components/search/search-box');
const { SearchClient } = await import('@/app/(dashboard)/search/page-client');
const { SavedFilters, comparableQuery } = await import('@/components/queue/saved-filters');

const result: SearchResult = {
  q: 'zebra',
  groups: [
    { kind: 'reports', total: '50+', items: [{ id: 'r1', title: 'Report 7 against eve@x.example', detail: 'Alpha · open', excerpt: '<img src=x onerror=alert(1)> zebra', href: '/reports/r1', external: false, at: '2026-12-01T10:00:00.000Z' }] },
    { kind: 'accounts', total: '0', items: [] },
    { kind: 'posts', total: '1', items: [{ id: 'p1', title: 'Post', detail: 'Beta', excerpt: 'zebra', href: 'https://x.example/@eve/1', external: true, at: null }] },
    { kind: 'hashes', total: '1', items: [{ id: 'm1', title: 'Image on Alpha', detail: 'same SHA-256', excerpt: '', href: null, external: false, at: null, mediaId: 'm1' }] },
  ],
};

describe('search UI', () => {
  it('the nav box is a labelled search form with the / shortcut', () => {
    const out = renderToStaticMarkup(createElement(SearchBox));
    expect(out).toContain('role="search"');
    expect(out).toContain('data-testid="search-box"');
    expect(out).toMatch(/<label[^>]*for="([^"]+)"[^>]*>Search<\/label><input[^>]*id="\1"/);
    expect(out).toContain('placeholder="Search reports, accounts, hashes…"');
    expect(out).toContain('aria-keyshortcuts="/"');
  });

  it('groups results with counts, hides empty groups, escapes remote text and marks external links', () => {
    const out = renderToStaticMarkup(createElement(SearchClient, { q: 'zebra', kind: '', result, error: null, gray: true }));
    expect(out).toContain('data-testid="search-results"');
    expect(out.match(/data-testid="search-hit"/g)).toHaveLength(3);
    expect(out).toContain('50+ matches, first 1 shown');
    expect(out).not.toContain('group-accounts');
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; zebra');
    expect(out).toMatch(/<a href="https:\/\/x.example\/@eve\/1" target="_blank" rel="noopener noreferrer nofollow"/);
    expect(out).toContain('(on its server)');
    expect(out).toContain('/api/media/m1/preview?gray=1');
    expect(out).toContain('aria-live="polite"');
    expect(out).toContain('3 results for “zebra”');
  });

  it('shows an empty state, and a bad query as an alert', () => {
    const empty = renderToStaticMarkup(createElement(SearchClient, { q: 'zz', kind: '', result: { q: 'zz', groups: [{ kind: 'reports', total: '0', items: [] }] }, error: null, gray: false }));
    expect(empty).toContain('Nothing found for “zz”.');
    const bad = renderToStaticMarkup(createElement(SearchClient, { q: 'x', kind: 'people', result: null, error: 'Search kinds are reports, …', gray: false }));
    expect(bad).toContain('role="alert"');
    expect(bad).toContain('Search kinds are');
  });

  it('saved filters render a labelled picker and compare queries like the server stores them', () => {
    const out = renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(SavedFilters, { currentQuery: 'status=open', onApply: () => {} })));
    expect(out).toContain('data-testid="saved-filters"');
    expect(out).toMatch(/<label for="([^"]+)"[^>]*>Saved filters<\/label>(?:<div[^>]*>)?<select[^>]*id="\1"/);
    expect(out).toContain('Save current…');
    expect(comparableQuery('?tag=spam&cursor=abc&limit=20&sort=oldest&hasMedia=')).toBe(comparableQuery('sort=oldest&tag=spam'));
    expect(comparableQuery('sort=oldest&tag=spam')).toBe('sort=oldest&tag=spam');
  });
});

describe('search helpers', () => {
  it('escapeLike leaves no unescaped wildcard', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const e = escapeLike(s);
      // Removing escaped pairs must leave no %, _ or lone backslash.
      expect(e.replace(/\\[\\%_]/g, '')).not.toMatch(/[\\%_]/);
    }));
  });

  it('excerptAround keeps the match, stays short and never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 600 }), fc.string({ minLength: 1, maxLength: 20 }), (text, q) => {
      const out = excerptAround(text, q, 160);
      expect(out.length).toBeLessThanOrEqual(162);
    }));
    const long = `${'a '.repeat(200)}NEEDLE${' b'.repeat(200)}`;
    expect(excerptAround(long, 'needle')).toContain('NEEDLE');
  });

  it('recognises hashes by length and prefix', () => {
    expect(parseHashQuery('A'.repeat(64))).toEqual({ hex: 'a'.repeat(64), kinds: ['sha256', 'pdq'] });
    expect(parseHashQuery(`pdq:${'0'.repeat(64)}`)?.kinds).toEqual(['pdq']);
    expect(parseHashQuery('b'.repeat(32))?.kinds).toEqual(['md5']);
    expect(parseHashQuery(`md5:${'b'.repeat(64)}`)).toBeNull();
    expect(parseHashQuery('abc')).toBeNull();
    expect(parseHashQuery('g'.repeat(64))).toBeNull();
  });
});
