import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receiptVerdict } from './receipt-verdict';
import type { ReceiptCheck } from './types';

const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
const status = fc.oneof(fc.constantFrom(200, 404, 410, 403, 500, 503), fc.integer({ min: 100, max: 599 }), fc.constant(null));
const url = fc.oneof(fc.constant(null), fc.webUrl());

const mediaCheck = (sha: fc.Arbitrary<string | null>) => fc.record({
  what: fc.constant('media_url' as const), url, httpStatus: status, sha256: sha,
  result: fc.constantFrom('gone', 'served_same', 'served_other', 'not_checked', 'error'), error: fc.option(fc.string(), { nil: null }),
});
const postCheck = fc.record({
  what: fc.constant('post_url' as const), url, httpStatus: status, sha256: fc.constant(null),
  result: fc.constantFrom('gone', 'found', 'not_checked', 'error'), error: fc.option(fc.string(), { nil: null }),
});
const lookupCheck = fc.record({
  what: fc.constant('lookup' as const), url: fc.constant(null), httpStatus: fc.constant(null), sha256: fc.constant(null),
  result: fc.constantFrom('found', 'not_found', 'not_checked', 'error'), error: fc.option(fc.string(), { nil: null }),
});
const checks = (media: fc.Arbitrary<ReceiptCheck>) =>
  fc.tuple(fc.option(media, { nil: undefined }), fc.option(postCheck, { nil: undefined }), fc.option(lookupCheck, { nil: undefined }))
    .map((xs) => xs.filter((x): x is ReceiptCheck => x !== undefined));

describe('receiptVerdict', () => {
  it('any served bytes equal to a known hash are still served, whatever else the checks say', () => {
    fc.assert(fc.property(fc.array(hex, { minLength: 1, maxLength: 3 }), fc.nat(), fc.integer({ min: 200, max: 299 }), fc.webUrl(), postCheck, lookupCheck,
      (known, i, st, u, post, lookup) => {
        const sha = known[i % known.length];
        const media: ReceiptCheck = { what: 'media_url', url: u, httpStatus: st, sha256: sha, result: 'served_same', error: null };
        const v = receiptVerdict({ checks: [post, lookup, media], knownSha256: known });
        expect(v.verdict).toBe('still_served');
        expect(v.servedSha256).toBe(sha);
        expect(v.httpStatus).toBe(st);
      }));
  });

  it('a 404 or 410 on the media URL with no same bytes is removed', () => {
    fc.assert(fc.property(fc.array(hex, { maxLength: 3 }), fc.constantFrom(404, 410), fc.webUrl(), postCheck, lookupCheck, (known, st, u, post, lookup) => {
      const media: ReceiptCheck = { what: 'media_url', url: u, httpStatus: st, sha256: null, result: 'gone', error: null };
      const v = receiptVerdict({ checks: [media, post, lookup], knownSha256: known });
      expect(v).toMatchObject({ verdict: 'removed', httpStatus: st, servedSha256: null });
    }));
  });

  it('never says removed while the lookup still finds the copy and the media URL was not seen gone', () => {
    fc.assert(fc.property(checks(mediaCheck(fc.option(hex, { nil: null }))), fc.array(hex, { maxLength: 2 }), (cs, known) => {
      const media = cs.find((c) => c.what === 'media_url');
      const mediaGone = media && media.url !== null && (media.httpStatus === 404 || media.httpStatus === 410);
      const found = cs.some((c) => c.what === 'lookup' && c.result === 'found');
      fc.pre(found && !mediaGone);
      expect(receiptVerdict({ checks: cs, knownSha256: known }).verdict).not.toBe('removed');
    }));
  });

  it('cannot_verify always carries a reason in words; every verdict has a reason', () => {
    fc.assert(fc.property(checks(mediaCheck(fc.option(hex, { nil: null }))), fc.array(hex, { maxLength: 2 }), (cs, known) => {
      const v = receiptVerdict({ checks: cs, knownSha256: known });
      expect(v.reason.trim().length).toBeGreaterThan(10);
      if (v.verdict === 'still_served') expect(known).toContain(v.servedSha256);
    }));
  });

  it('with nothing checkable the verdict is cannot_verify', () => {
    const v = receiptVerdict({ checks: [], knownSha256: ['a'.repeat(64)] });
    expect(v.verdict).toBe('cannot_verify');
    expect(v.reason).toMatch(/Nothing could be checked/);
    const off: ReceiptCheck[] = [
      { what: 'media_url', url: null, httpStatus: null, sha256: null, result: 'not_checked', error: 'the file URL is on another host (cdn.example)' },
      { what: 'lookup', url: null, httpStatus: null, sha256: null, result: 'not_checked', error: 'PeerTube cannot look up image posts' },
    ];
    expect(receiptVerdict({ checks: off, knownSha256: [] })).toMatchObject({ verdict: 'cannot_verify', httpStatus: null });
    expect(receiptVerdict({ checks: off, knownSha256: [] }).reason).toMatch(/another host.*PeerTube cannot look up/);
  });

  it('the lookup no longer finding the copy is removed when the file could not show otherwise', () => {
    const lookup: ReceiptCheck = { what: 'lookup', url: null, httpStatus: null, sha256: null, result: 'not_found', error: null };
    const other: ReceiptCheck = { what: 'media_url', url: 'https://x.example/a.png', httpStatus: 200, sha256: 'b'.repeat(64), result: 'served_other', error: null };
    expect(receiptVerdict({ checks: [other, lookup], knownSha256: ['a'.repeat(64)] }).verdict).toBe('removed');
    expect(receiptVerdict({ checks: [lookup], knownSha256: [] }).verdict).toBe('removed');
    // Served bytes with no known hash to compare: the file may be the item.
    expect(receiptVerdict({ checks: [other, lookup], knownSha256: [] }).verdict).toBe('cannot_verify');
    const err: ReceiptCheck = { what: 'media_url', url: 'https://x.example/a.png', httpStatus: 503, sha256: null, result: 'error', error: null };
    expect(receiptVerdict({ checks: [err], knownSha256: [] }).reason).toMatch(/answered 503/);
  });

  it('a gone post URL counts only when nothing else could be checked', () => {
    const post: ReceiptCheck = { what: 'post_url', url: 'https://x.example/@a/1', httpStatus: 410, sha256: null, result: 'gone', error: null };
    const found: ReceiptCheck = { what: 'lookup', url: null, httpStatus: null, sha256: null, result: 'found', error: null };
    expect(receiptVerdict({ checks: [post], knownSha256: [] })).toMatchObject({ verdict: 'removed', httpStatus: 410 });
    expect(receiptVerdict({ checks: [post, found], knownSha256: [] }).verdict).toBe('cannot_verify');
  });
});
