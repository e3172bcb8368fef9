import { describe, expect, it } from 'vitest';
import { computePriority } from './priority';

const base = { mediaCount: 0, category: 'other', ageHours: 0, reportCountAgainstTarget: 0 };

describe('computePriority', () => {
  it('orders categories legal > violation > other > spam, unknown as other, case-insensitive', () => {
    const p = (category: string) => computePriority({ ...base, category });
    expect(p('legal')).toBeGreaterThan(p('violation'));
    expect(p('violation')).toBeGreaterThan(p('other'));
    expect(p('other')).toBeGreaterThan(p('spam'));
    expect(p('something-new')).toBe(p('other'));
    expect(p('LEGAL')).toBe(p('legal'));
  });

  it('adds media, repeat targets and age, each capped', () => {
    expect(computePriority({ ...base, mediaCount: 2 })).toBe(100 + 120);
    expect(computePriority({ ...base, mediaCount: 50 })).toBe(100 + 300);
    expect(computePriority({ ...base, reportCountAgainstTarget: 3 })).toBe(100 + 120);
    expect(computePriority({ ...base, reportCountAgainstTarget: 99 })).toBe(100 + 200);
    expect(computePriority({ ...base, ageHours: 10.9 })).toBe(100 + 20);
    expect(computePriority({ ...base, ageHours: 1000 })).toBe(100 + 144);
  });

  it('is an integer in range even for nonsense input', () => {
    for (const v of [-5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const p = computePriority({ mediaCount: v, category: 'spam', ageHours: v, reportCountAgainstTarget: v });
      expect(Number.isInteger(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(10_000);
    }
  });

  it('ranks a legal report with media against a repeat offender above a fresh spam report', () => {
    const urgent = computePriority({ mediaCount: 3, category: 'legal', ageHours: 1, reportCountAgainstTarget: 2 });
    const mild = computePriority({ mediaCount: 0, category: 'spam', ageHours: 1, reportCountAgainstTarget: 0 });
    expect(urgent).toBeGreaterThan(mild);
  });
});
