import { describe, expect, it } from 'vitest';
import { abuseListSchema, abuseSchema } from './api-types';
import { mapAbuse, mapCategory, PEERTUBE_REASONS } from './mapper';

const BASE = 'https://pt.example';
const account = (name: string, host = 'pt.example') => ({ id: 3, name, host, displayName: name, url: `https://${host}/a/${name}` });
const abuse = {
  id: 7, reason: 'gore', predefinedReasons: ['violentOrRepulsive'], reporterAccount: account('alice'), flaggedAccount: account('mallory', 'spam.example'),
  state: { id: 1, label: 'Pending' }, moderationComment: '', video: null, comment: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('peertube mapper', () => {
  it('keeps PeerTube 7\'s real reason names, including violentOrRepulsive (not "violentOrAbusive")', () => {
    expect(mapAbuse(abuseSchema.parse(abuse), BASE).category).toBe('violentOrRepulsive');
    expect(mapCategory(['violentOrAbusive'])).toBe('other');
    expect(PEERTUBE_REASONS.map((r) => mapCategory([r]))).toEqual([
      'violentOrRepulsive', 'hatefulOrAbusive', 'spam', 'privacy', 'legal', 'violation', 'thumbnails', 'captions',
    ]);
  });

  it('says nothing about block state, which abuse data does not carry (contract I1)', () => {
    const out = mapAbuse(abuseSchema.parse(abuse), BASE);
    for (const a of [out.target, out.reporter!]) {
      for (const flag of ['suspended', 'silenced', 'sensitized', 'disabled'] as const) expect(a[flag]).toBeUndefined();
    }
  });

  it('refuses a createdAt that is not a date and reads a bad updatedAt as unknown', () => {
    expect(abuseSchema.safeParse({ ...abuse, createdAt: 'Tuesday' }).success).toBe(false);
    expect(mapAbuse(abuseSchema.parse({ ...abuse, updatedAt: 'later', state: { id: 3 } }), BASE)).toMatchObject({ updatedAt: null, resolvedAt: null });
  });

  it('reads a total that is not a count as unknown instead of failing the page', () => {
    for (const total of [-5, 2.5, '12', null, 1e300]) expect(abuseListSchema.parse({ total, data: [] }).total).toBeNull();
    expect(abuseListSchema.parse({ total: 12, data: [] }).total).toBe(12);
  });
});
