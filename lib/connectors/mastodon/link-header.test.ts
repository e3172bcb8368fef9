import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { decodeCursor, encodeCursor, parseLinkHeader } from './link-header';

describe('Link header and cursors', () => {
  it('parses Mastodon\'s Link header into page parameters', () => {
    const header = '<https://m.example/api/v1/admin/reports?limit=40&resolved=true&max_id=211>; rel="next", <https://m.example/api/v1/admin/reports?limit=40&resolved=true&min_id=250>; rel="prev"';
    expect(parseLinkHeader(header)).toEqual({ next: { max_id: '211' }, prev: { min_id: '250' } });
  });

  it('keeps only digit id parameters, whatever host or extra parameters a link names', () => {
    const header = '<https://evil.test/steal?max_id=5&token=x&since_id=abc>; rel="next"';
    expect(parseLinkHeader(header)).toEqual({ next: { max_id: '5' } });
  });

  it('ignores garbage', () => {
    expect(parseLinkHeader(null)).toEqual({});
    expect(parseLinkHeader('nonsense, <>; foo')).toEqual({});
  });

  it('round-trips a cursor and rejects forged ones', () => {
    const cursor = encodeCursor({ max_id: '211' })!;
    expect(decodeCursor(cursor)).toEqual({ max_id: '211' });
    expect(encodeCursor({})).toBeNull();
    for (const bad of ['%%%', Buffer.from('{"max_id":"1 OR 1"}').toString('base64url'), Buffer.from('{"path":"/x"}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(AppError);
    }
  });
});
