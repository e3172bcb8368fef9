import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heldRetractions, HELD_SHARE, MIN_HELD } from './retraction-guard';

const load = (removals: number, listMade: number) => ({ instanceId: 'i', name: 'I', removals, listMade });

describe('heldRetractions', () => {
  it('lets a list retract a few domains, or a small share of a big list', () => {
    expect(heldRetractions([load(3, 4)])).toEqual([]);
    expect(heldRetractions([load(MIN_HELD - 1, MIN_HELD)])).toEqual([]);
    expect(heldRetractions([load(100, 1000)])).toEqual([]);
  });

  it('holds a retraction of many domains that is a large share of what the lists made', () => {
    expect(heldRetractions([load(MIN_HELD, MIN_HELD)])).toHaveLength(1);
    expect(heldRetractions([load(400, 1000), load(2, 10)]).map((l) => l.removals)).toEqual([400]);
  });

  it('holds exactly when both limits are reached', () => {
    fc.assert(fc.property(fc.nat(5000), fc.nat(5000), (a, b) => {
      const listMade = Math.max(a, b);
      const removals = Math.min(a, b);
      const held = heldRetractions([load(removals, listMade)]).length === 1;
      expect(held).toBe(removals >= MIN_HELD && removals >= HELD_SHARE * listMade);
    }));
  });
});
