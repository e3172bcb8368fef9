import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, parseLinkHeader } from './link-header';

describe('gotosocial link header', () => {
  it('keeps only ULID page parameters and never the host or path', () => {
    const header = '<https://evil.example/x?limit=20&max_id=01JABCDEF0123456789ABCDEFG&resolved=false>; rel="next", ' +
      '<https://gts.example/api/v1/admin/reports?min_id=01JZZZ&since_id=../etc>; rel="prev"';
    expect(parseLinkHeader(header)).toEqual({ next: { max_id: '01JABCDEF0123456789ABCDEFG' }, prev: { min_id: '01JZZZ' } });
    expect(parseLinkHeader(null)).toEqual({});
  });

  it('round-trips cursors and rejects tampered ones', () => {
    const cursor = encodeCursor({ max_id: '01JABCDEF0123456789ABCDEFG' })!;
    expect(decodeCursor(cursor)).toEqual({ max_id: '01JABCDEF0123456789ABCDEFG' });
    expect(encodeCursor({})).toBeNull();
    const bad = Buffer.from(JSON.stringify({ max_id: '1/../x' })).toString('base64url');
    expect(() => decodeCursor(bad)).toThrow(/cursor/);
  });
});
