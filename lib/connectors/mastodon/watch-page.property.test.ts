/**
 * Property (issue 14): whatever a server puts in a page of posts (NUL bytes, dates that are not dates, missing or
 * mistyped fields, junk instead of items), toPostPage never throws for a list, every item it returns is writable,
 * every other raw item newer than the cursor is skipped or left out as a boost, and skip reasons are one clean line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RemoteReport } from '../types';
import type { RemotePost } from '../watch-types';
import { hostileValue, mutate, mutations, RUNS, SECRET } from '../shared/fuzz-pages';
import { writableViolations } from '../shared/check-writable';
import { MAX_REASON } from '../shared/report-items';
import { accountSchema } from './api-types';
import { mapPublicAccount } from './watch-mapper';
import { compareIds, toPostPage } from './watch-page';

const reader = { service: 'Mastodon', account: accountSchema, mapAccount: mapPublicAccount };

function status(i: number) {
  const id = String(109_000_000_000_000_000n + BigInt(i) * 1000n);
  return {
    id, uri: `https://far.example/users/a/statuses/${id}`, url: `https://far.example/@a/${id}`, created_at: '2026-01-01T00:00:00.000Z',
    content: `<p>${SECRET} #tag${i}</p>`, spoiler_text: '', sensitive: false, visibility: 'public',
    account: { id: String(i + 1), username: 'a', acct: 'a@far.example', display_name: 'A', url: 'https://far.example/@a', avatar: null, created_at: '2025-01-01T00:00:00.000Z' },
    media_attachments: [{ id: `${id}1`, type: 'image', url: `https://m.example/${id}.png`, preview_url: null, remote_url: null, description: null, meta: { original: { width: 1 } } }],
    tags: [{ name: `tag${i}`, url: 'https://m.example/tags/x' }],
  };
}

/** A post as a report's status and target, so the report-side predicate checks it (contract I5). */
function asReport(p: RemotePost): RemoteReport {
  return {
    remoteId: p.remoteId, category: 'other', comment: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: null, resolved: false,
    resolvedAt: null, forwarded: false, reporter: null, target: p.account, assignee: null, statuses: [p], rules: [],
  };
}

function check(raw: unknown[], since: string | null) {
  const page = toPostPage(reader, raw, since);
  for (const p of page.items) {
    expect(writableViolations(asReport(p))).toEqual([]);
    for (const t of p.tags) expect(t).not.toMatch(/[\u0000-\u001f]/);
    if (since !== null) expect(compareIds(p.remoteId, since)).toBeGreaterThan(0);
  }
  expect(page.items.length + page.skipped.length).toBeLessThanOrEqual(raw.length);
  for (const s of page.skipped) {
    expect(s.error).not.toMatch(/[\r\n]/);
    expect(s.error.length).toBeGreaterThan(0);
    expect(s.error.length).toBeLessThanOrEqual(MAX_REASON);
    expect(s.error).not.toContain(SECRET);
    expect(JSON.stringify(s.raw ?? null)).not.toContain('\\u0000');
  }
  return page;
}

describe('toPostPage (property)', () => {
  const N = 6;
  const items = Array.from({ length: N }, (_, i) => status(i));

  it('keeps every untouched post and skips or drops the mutated ones, never throwing', () => {
    fc.assert(
      fc.property(mutations(N), (muts) => {
        const { raw, touched } = mutate(items, muts);
        const page = check(raw, null);
        const ids = page.items.map((p) => p.remoteId);
        items.forEach((it, i) => {
          if (!touched.has(i)) expect(ids).toContain(it.id);
        });
        // Nothing vanishes silently except boosts (a mutated `reblog` is not in the fixture, so none here).
        expect(page.items.length + page.skipped.length).toBe(raw.length);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary JSON items and respects the cursor', () => {
    const junk = fc.oneof(fc.jsonValue(), hostileValue, fc.record({ id: fc.oneof(fc.string(), fc.nat()), account: fc.jsonValue(), content: fc.string() }));
    fc.assert(
      fc.property(fc.array(junk, { maxLength: 8 }), fc.option(fc.constantFrom(items[2].id, '1'), { nil: null }), (raw, since) => {
        check([...raw, ...items], since);
      }),
      RUNS,
    );
  });

  it('throws a remote_error, not a crash, when the page is not a list', () => {
    fc.assert(
      fc.property(fc.oneof(fc.object(), fc.string(), fc.integer(), fc.constant(null)), (data) => {
        expect(() => toPostPage(reader, data, null)).toThrow(/post list is not an array/);
      }),
      RUNS,
    );
  });
});
