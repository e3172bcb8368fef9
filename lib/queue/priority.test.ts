import { describe, expect, it } from 'vitest';
import { computePriority, MATCH_FLOOR, MAX_PRIORITY, type PriorityInput } from './priority';

const none = { severity: 0, distance: null, quality: null };
const base: PriorityInput = { ...none, mediaCount: 0, category: 'other', ageHours: 0, reportCount: 1 };
const match = (severity: number, distance: number, quality: number | null = 90, rest: Partial<PriorityInput> = {}) =>
  computePriority({ ...base, ...rest, severity, distance, quality });

describe('computePriority without a match', () => {
  it('orders categories legal > violation > other > spam, unknown as other, case-insensitive', () => {
    const p = (category: string) => computePriority({ ...base, category });
    expect(p('legal')).toBeGreaterThan(p('violation'));
    expect(p('violation')).toBeGreaterThan(p('other'));
    expect(p('other')).toBeGreaterThan(p('spam'));
    expect(p('something-new')).toBe(p('other'));
    expect(p('LEGAL')).toBe(p('legal'));
  });

  it('adds media, other reports against the target and age, each capped', () => {
    expect(computePriority({ ...base, mediaCount: 2 })).toBe(100 + 120);
    expect(computePriority({ ...base, mediaCount: 50 })).toBe(100 + 300);
    expect(computePriority({ ...base, reportCount: 4 })).toBe(100 + 120); // this one + 3 others
    expect(computePriority({ ...base, reportCount: 99 })).toBe(100 + 200);
    expect(computePriority({ ...base, reportCount: 0 })).toBe(100);
    expect(computePriority({ ...base, ageHours: 10.9 })).toBe(100 + 20);
    expect(computePriority({ ...base, ageHours: 1000 })).toBe(100 + 144);
  });

  it('ranks a legal report with media against a repeat offender above a fresh spam report', () => {
    const urgent = computePriority({ ...base, mediaCount: 3, category: 'legal', ageHours: 1, reportCount: 3 });
    const mild = computePriority({ ...base, category: 'spam', ageHours: 1 });
    expect(urgent).toBeGreaterThan(mild);
  });
});

describe('computePriority with a hash match', () => {
  const strongest = { mediaCount: 50, category: 'legal', ageHours: 1000, reportCount: 99 };

  it('puts any match above every report without one', () => {
    const bestNonMatch = computePriority({ ...base, ...strongest });
    const weakestMatch = match(1, 64, 0, { category: 'spam' });
    expect(weakestMatch).toBeGreaterThan(bestNonMatch);
    expect(weakestMatch).toBeGreaterThanOrEqual(MATCH_FLOOR);
    expect(bestNonMatch).toBeLessThan(MATCH_FLOOR);
  });

  it('ranks severity first: a severity-5 match at distance 20 outranks a severity-3 exact match', () => {
    expect(match(5, 20, 50)).toBeGreaterThan(match(3, 0, null));
    expect(match(5, 31, 0, { category: 'spam' })).toBeGreaterThan(match(4, 0, null, strongest));
  });

  it('is strictly decreasing in distance and increasing in severity, whatever the other terms', () => {
    for (let s = 1; s <= 5; s++) {
      for (let d = 0; d < 64; d++) {
        expect(match(s, d, 0, { category: 'spam' })).toBeGreaterThan(match(s, d + 1, 100, strongest));
      }
      if (s < 5) expect(match(s + 1, 64, 0, { category: 'spam' })).toBeGreaterThan(match(s, 0, null, strongest));
    }
    // Distances the threshold cannot reach (max 64) rank alike instead of falling out of the match tier.
    expect(match(2, 200)).toBe(match(2, 64));
  });

  it('uses quality after distance, an exact match (null quality) counting as certain, then the base terms', () => {
    expect(match(3, 10, 90)).toBeGreaterThan(match(3, 10, 60));
    expect(match(3, 10, 60, strongest)).toBeLessThan(match(3, 10, 70, { category: 'spam' }));
    expect(match(3, 0, null)).toBe(match(3, 0, 100));
    expect(match(3, 10, 80, { category: 'legal' })).toBeGreaterThan(match(3, 10, 80, { category: 'spam' }));
  });

  it('treats severity 0 as no match, whatever the distance', () => {
    expect(computePriority({ ...base, severity: 0, distance: 0, quality: 100 })).toBe(computePriority(base));
  });
});

describe('computePriority bounds', () => {
  it('is an integer in [0, 1_000_000] even for nonsense input', () => {
    const values = [-5, 0.5, 1e9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const v of values) {
      for (const distance of [v, null]) {
        const p = computePriority({ severity: v, distance, quality: v, reportCount: v, ageHours: v, category: 'spam', mediaCount: v });
        expect(Number.isInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(MAX_PRIORITY);
      }
    }
    expect(match(5, 0, null, strongestInput())).toBeLessThanOrEqual(MAX_PRIORITY);
  });
});

function strongestInput(): Partial<PriorityInput> {
  return { mediaCount: 50, category: 'legal', ageHours: 1000, reportCount: 99 };
}
