import { describe, expect, it } from 'vitest';
import { outboxBackoffMs } from './outbox-settings';

describe('outbox backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    const s = { backoffBaseMs: 10_000, backoffCapMs: 60_000 };
    expect([1, 2, 3, 4, 5, 20].map((n) => outboxBackoffMs(n, s))).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });
});
