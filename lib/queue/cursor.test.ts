import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { excerpt } from './excerpt';
import { isInlineImage, safeContentType } from './media-policy';
import { safeHttpUrl } from './safe-url';

const id = '3f0a4c1e-8d2b-4f5a-9c7e-1b2d3e4f5a6b';

describe('queue cursor', () => {
  it('round-trips and is opaque base64url', () => {
    const c = encodeCursor({ sort: 'priority', remoteCreatedAt: new Date('2026-01-02T03:04:05.678Z'), id, priority: 420 });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, 'priority')).toEqual({ sort: 'priority', remoteCreatedAt: new Date('2026-01-02T03:04:05.678Z'), id, priority: 420 });
  });

  it('refuses garbage and cursors from another sort order', () => {
    expect(() => decodeCursor('not-a-cursor', 'newest')).toThrow(/cursor/);
    const c = encodeCursor({ sort: 'newest', remoteCreatedAt: new Date(), id });
    expect(() => decodeCursor(c, 'oldest')).toThrow(/sort order/);
    const forged = Buffer.from(JSON.stringify({ s: 'newest', t: 'x', i: "1' or 1=1" })).toString('base64url');
    expect(() => decodeCursor(forged, 'newest')).toThrow(/cursor/);
  });
});

describe('excerpt and media policy', () => {
  it('makes a short single-line excerpt without bidi controls', () => {
    expect(excerpt('  hello\n\n  world\u202E ')).toBe('hello world');
    const long = excerpt('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('…')).toBe(true);
  });

  it('inlines only raster images and keeps headers sane', () => {
    expect(isInlineImage('image/png')).toBe(true);
    expect(isInlineImage('image/svg+xml')).toBe(false);
    expect(isInlineImage('video/mp4')).toBe(false);
    expect(isInlineImage(null)).toBe(false);
    expect(safeContentType('video/mp4')).toBe('video/mp4');
    expect(safeContentType('text/html\r\nX-Evil: 1')).toBe('application/octet-stream');
  });

  it('keeps only http(s) links', () => {
    expect(safeHttpUrl('https://a.example/@x')).toBe('https://a.example/@x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('nonsense')).toBeNull();
  });
});
