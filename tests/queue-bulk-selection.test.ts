/** The bulk selection rules (components/queue/bulk-selection.ts) and the reopen map, property-tested. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepVisible, selectRange, toggleId } from '@/components/queue/bulk-selection';
import { canReopen } from '@/components/queue/can-reopen';
import { capabilitiesFor, connectorKinds } from '@/lib/connectors/registry';

const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 });

describe('bulk selection', () => {
  it('toggle twice is a no-op and never touches other rows', () => {
    fc.assert(fc.property(ids, fc.nat(), (order, i) => {
      const start = new Set(order.filter((_, k) => k % 2 === 0));
      const id = order[i % order.length]!;
      const once = toggleId(start, id);
      expect(once.has(id)).toBe(!start.has(id));
      expect([...once].filter((x) => x !== id).sort()).toEqual([...start].filter((x) => x !== id).sort());
      expect(toggleId(once, id)).toEqual(start);
    }));
  });

  it('a range adds exactly the rows between anchor and target, in either direction, and keeps the rest', () => {
    fc.assert(fc.property(ids, fc.nat(), fc.nat(), (order, a, b) => {
      const anchor = order[a % order.length]!;
      const target = order[b % order.length]!;
      const before = new Set([order[0]!]);
      const got = selectRange(before, order, anchor, target);
      const [lo, hi] = [Math.min(a % order.length, b % order.length), Math.max(a % order.length, b % order.length)];
      const want = new Set([...before, ...order.slice(lo, hi + 1)]);
      expect(got).toEqual(want);
      expect(selectRange(before, order, target, anchor)).toEqual(want);
    }));
  });

  it('without an anchor in the list a shift-click selects the clicked row alone; an unknown row changes nothing', () => {
    expect(selectRange(new Set(), ['a', 'b', 'c'], null, 'b')).toEqual(new Set(['b']));
    expect(selectRange(new Set(), ['a', 'b', 'c'], 'gone', 'c')).toEqual(new Set(['c']));
    expect(selectRange(new Set(['a']), ['a', 'b'], 'a', 'zzz')).toEqual(new Set(['a']));
  });

  it('rows that left the list leave the selection; an unchanged selection keeps its identity (no re-render)', () => {
    const picked = new Set(['a', 'b']);
    expect(keepVisible(picked, ['a', 'b', 'c'])).toBe(picked);
    expect(keepVisible(picked, ['b', 'c'])).toEqual(new Set(['b']));
  });
});

describe('canReopen', () => {
  it('matches every connector\'s declared capabilities, and unknown kinds cannot', () => {
    for (const kind of connectorKinds()) expect(canReopen(kind), kind).toBe(capabilitiesFor(kind).actions.includes('report.reopen'));
    expect(canReopen('gotosocial')).toBe(false);
    expect(canReopen('mastodon')).toBe(true);
    expect(canReopen('something-else')).toBe(false);
  });
});
