/**
 * Report weighting (lib/holding/score-reports.ts), pure: the table of cases the issue names, and properties that
 * attack mass-report abuse: duplicates, one server's pile-on, account age, the brigade threshold, garbage dates.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageWeight, scoreReports, WEIGHTS, type ReporterHistory, type WeighedReport } from '@/lib/holding/score-reports';

const NOW = Date.parse('2026-12-03T12:00:00.000Z');
const DAY = 86_400_000;
const none: ReporterHistory = new Map();
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();

let n = 0;
function report(user: string, domain: string, madeDaysAgo: number | null, over: Partial<WeighedReport> = {}): WeighedReport {
  n++;
  return {
    reportId: `r${n}`, instanceId: `i-${domain}`, instanceDomain: domain,
    reporter: { key: `${user}@${domain}`, domain, createdAt: madeDaysAgo === null ? null : ago(madeDaysAgo) },
    createdAt: new Date(NOW - n * 60_000).toISOString(),
    ...over,
  };
}

describe('scoreReports: the cases', () => {
  it('3 established reporters on 3 instances score 3, not a brigade', () => {
    const out = scoreReports([report('a', 'one.test', 365), report('b', 'two.test', 400), report('c', 'three.test', 900)], none, NOW);
    expect(out).toMatchObject({ score: 3, brigade: null, reporters: 3, instances: 3 });
  });

  it('40 reporters made yesterday on one instance score at most 1.5 and are flagged, naming age and the instance', () => {
    const reports = Array.from({ length: 40 }, (_, i) => report(`fresh${i}`, 'pile.test', 1));
    const out = scoreReports(reports, none, NOW);
    expect(out.score).toBeLessThanOrEqual(1.5);
    expect(out.brigade).not.toBeNull();
    expect(out.brigade!.reports).toBe(40);
    expect(out.brigade!.freshShare).toBe(1);
    expect(out.brigade!.reasons.join(' ')).toMatch(/40 of 40 reporters' accounts were made within 3 days/);
    expect(out.brigade!.reasons.join(' ')).toMatch(/one instance \(pile\.test\)/);
  });

  it("a reporter's second report adds nothing", () => {
    const a = report('a', 'one.test', 365);
    const again = { ...a, reportId: 'again', instanceId: 'other', instanceDomain: 'other.test' };
    expect(scoreReports([a, again], none, NOW).score).toBe(1);
  });

  it('weighs age: fresh 0.2, unknown 0.6, between 7 and 30 days rising, established 1', () => {
    expect(ageWeight(ago(1), NOW)).toBe(WEIGHTS.fresh);
    expect(ageWeight(null, NOW)).toBe(WEIGHTS.unknownAge);
    expect(ageWeight(ago(18.5), NOW)).toBeCloseTo(0.6, 5);
    expect(ageWeight(ago(31), NOW)).toBe(1);
    expect(ageWeight('Tuesday', NOW)).toBe(WEIGHTS.unknownAge);
    expect(ageWeight(ago(-5), NOW)).toBe(WEIGHTS.unknownAge); // a creation date in the future is not believed
  });

  it('previously wrong reporters count less, in proportion to their record', () => {
    const reports = [report('a', 'one.test', 365)];
    expect(scoreReports(reports, new Map([['a@one.test', { closed: 1, wrong: 1 }]]), NOW).score).toBeCloseTo(0.6, 5);
    expect(scoreReports(reports, new Map([['a@one.test', { closed: 9, wrong: 9 }]]), NOW).score).toBeCloseTo(0.28, 5);
    expect(scoreReports(reports, new Map([['a@one.test', { closed: 9, wrong: 0 }]]), NOW).score).toBe(1);
  });

  it('one home instance is capped at 1.5 however many established people report from it', () => {
    const out = scoreReports(Array.from({ length: 10 }, (_, i) => report(`u${i}`, 'big.test', 500)), none, NOW);
    expect(out.score).toBe(1.5);
  });

  it('anonymous (forwarded) reports count once per instance at a low weight', () => {
    const anon = (id: string, inst: string): WeighedReport => ({ reportId: id, instanceId: inst, instanceDomain: `${inst}.test`, reporter: null, createdAt: ago(0) });
    const out = scoreReports([anon('x1', 'a'), anon('x2', 'a'), anon('x3', 'b')], none, NOW);
    expect(out.score).toBeCloseTo(2 * WEIGHTS.anonymous, 5);
    expect(out.reporters).toBe(0);
  });

  it('accounts made together long apart from now still read as made together; 4 reports never flag', () => {
    const together = Array.from({ length: 6 }, (_, i) => report(`s${i}`, `d${i}.test`, 400));
    expect(scoreReports(together, none, NOW).brigade?.reasons[0]).toMatch(/6 of 6 reporters' accounts/);
    expect(scoreReports(together.slice(0, 4), none, NOW).brigade).toBeNull();
  });

  it('organic reports (ages spread, several instances, spread in time) are not a brigade', () => {
    const spread = Array.from({ length: 8 }, (_, i) => report(`o${i}`, `s${i % 4}.test`, 40 + i * 50, { createdAt: ago(i) }));
    expect(scoreReports(spread, none, NOW).brigade).toBeNull();
  });
});

const dateArb = fc.oneof(
  fc.integer({ min: 0, max: 2000 }).map((d) => ago(d)),
  fc.constantFrom(null, undefined, 'garbage', '', 'NaN', '2026-13-45', '+275760-09-13T00:00:00.000Z'),
  fc.constant(new Date(NaN)),
  fc.double().map((x) => x as unknown as string),
);
const reportArb = fc.record({
  reportId: fc.uuid(),
  instanceId: fc.constantFrom('i1', 'i2', 'i3'),
  instanceDomain: fc.constantFrom('one.test', 'two.test', 'three.test'),
  reporter: fc.option(fc.record({ key: fc.constantFrom('a@x', 'b@x', 'c@y', 'd@z', 'e@z', 'f@w'), domain: fc.constantFrom('x', 'y', 'z', 'w'), createdAt: dateArb }), { nil: null }),
  createdAt: dateArb,
}) as fc.Arbitrary<WeighedReport>;
const historyArb = fc.dictionary(fc.constantFrom('a@x', 'b@x', 'c@y'), fc.record({ closed: fc.nat(20), wrong: fc.nat(20) })).map((d) => new Map(Object.entries(d)));

describe('scoreReports: properties', () => {
  it('never throws, and gives a finite non-negative score, on any input (garbage dates are unknown)', () => {
    fc.assert(fc.property(fc.array(reportArb, { maxLength: 40 }), historyArb, (reports, h) => {
      const out = scoreReports(reports, h, NOW);
      expect(Number.isFinite(out.score)).toBe(true);
      expect(out.score).toBeGreaterThanOrEqual(0);
    }));
  });

  it('adding a duplicate report never raises the score', () => {
    fc.assert(fc.property(fc.array(reportArb, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), historyArb, (reports, pick, at, h) => {
      const dup = { ...reports[pick % reports.length], reportId: 'dup' };
      const more = [...reports];
      more.splice(at % (reports.length + 1), 0, dup);
      expect(scoreReports(more, h, NOW).score).toBeLessThanOrEqual(scoreReports(reports, h, NOW).score);
    }));
  });

  it('reports from one instance never score above the cap, nor lift a score by more than it', () => {
    const oneInstance = fc.array(fc.record({ user: fc.string({ minLength: 1, maxLength: 6 }), made: dateArb, anon: fc.boolean() }), { maxLength: 60 });
    fc.assert(fc.property(fc.array(reportArb, { maxLength: 20 }), oneInstance, (base, pile) => {
      const piled: WeighedReport[] = pile.map((p, i) => ({
        reportId: `p${i}`, instanceId: 'pile', instanceDomain: 'pile.test', createdAt: ago(0),
        reporter: p.anon ? null : { key: `${p.user}@pile.test`, domain: 'pile.test', createdAt: p.made },
      }));
      expect(scoreReports(piled, none, NOW).score).toBeLessThanOrEqual(WEIGHTS.perInstanceCap);
      expect(scoreReports([...base, ...piled], none, NOW).score).toBeLessThanOrEqual(scoreReports(base, none, NOW).score + WEIGHTS.perInstanceCap + 1e-9);
    }));
  });

  it('is monotone in reporter age: an older account never lowers the score', () => {
    fc.assert(fc.property(fc.array(reportArb, { minLength: 1, maxLength: 30 }), fc.nat(), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (reports, pick, d1, d2) => {
      const i = pick % reports.length;
      const r = reports[i];
      if (!r.reporter) return;
      const [young, old] = d1 <= d2 ? [d1, d2] : [d2, d1];
      // Every copy of that reporter ages together: the key is the person.
      const at = (days: number) => reports.map((x) => (x.reporter?.key === r.reporter!.key ? { ...x, reporter: { ...x.reporter, createdAt: ago(days) } } : x));
      expect(scoreReports(at(old), none, NOW).score).toBeGreaterThanOrEqual(scoreReports(at(young), none, NOW).score);
    }));
  });

  it('a brigade flag needs at least 5 reports', () => {
    fc.assert(fc.property(fc.array(reportArb, { maxLength: 4 }), historyArb, (reports, h) => {
      expect(scoreReports(reports, h, NOW).brigade).toBeNull();
    }));
    fc.assert(fc.property(fc.array(reportArb, { maxLength: 40 }), (reports) => {
      const flag = scoreReports(reports, none, NOW).brigade;
      if (flag) expect(flag.reports).toBeGreaterThanOrEqual(5);
    }));
  });
});
