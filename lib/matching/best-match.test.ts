import { describe, expect, it } from 'vitest';
import { bestMatch, type ReportMatchCandidate } from './best-match';

const c = (over: Partial<ReportMatchCandidate>): ReportMatchCandidate => ({
  mediaId: 'm1', bankId: 'b1', bankName: 'Bank', label: 'csam', severity: 3, signalType: 'pdq', distance: 10, variant: 'original', quality: 80, ...over,
});

describe('bestMatch', () => {
  it('is null without candidates', () => {
    expect(bestMatch([])).toBeNull();
  });

  it('prefers severity, then distance, then quality (exact counts as certain)', () => {
    expect(bestMatch([c({ severity: 3, distance: 0 }), c({ severity: 5, distance: 20, bankId: 'b5' })])?.bankId).toBe('b5');
    expect(bestMatch([c({ distance: 12, mediaId: 'a' }), c({ distance: 4, mediaId: 'b' })])?.mediaId).toBe('b');
    expect(bestMatch([c({ quality: 60, mediaId: 'a' }), c({ quality: 95, mediaId: 'b' })])?.mediaId).toBe('b');
    expect(bestMatch([c({ quality: 95, distance: 0, mediaId: 'a' }), c({ signalType: 'md5', quality: null, distance: 0, mediaId: 'b' })])?.mediaId).toBe('b');
  });

  it('prefers the team\'s own bank to an outside service at the same severity and distance, not above a closer one', () => {
    const outside = c({ service: 'HMA', bankId: 'hma', quality: null, distance: 0, severity: 5 });
    expect(bestMatch([outside, c({ bankId: 'own', quality: 90, distance: 0, severity: 5 })])?.bankId).toBe('own');
    expect(bestMatch([c({ bankId: 'own', distance: 8, severity: 5 }), outside])).toMatchObject({ bankId: 'hma', service: 'HMA' });
  });

  it('returns the summary shape stored on the report, stable among equals', () => {
    const summary = bestMatch([c({ mediaId: 'z' }), c({ mediaId: 'a', variant: 'rot90' })]);
    expect(summary).toEqual({ bank: 'Bank', bankId: 'b1', label: 'csam', severity: 3, distance: 10, variant: 'rot90', quality: 80, signalType: 'pdq', mediaId: 'a' });
  });
});
