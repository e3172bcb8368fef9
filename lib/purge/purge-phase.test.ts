import { describe, expect, it } from 'vitest';
import { instancePhase } from './purge-phase';

describe('instancePhase', () => {
  it('follows a run from approval to done', () => {
    expect(instancePhase([{ state: 'done' }, { state: 'needs_admin' }], [], [])).toBe('waiting_admin');
    expect(instancePhase([{ state: 'done' }, { state: 'queued' }], [], [])).toBe('removing');
    expect(instancePhase([{ state: 'done' }], [], [])).toBe('checking');
    expect(instancePhase([{ state: 'done' }], [{ round: 1, status: 'running' }], [])).toBe('checking');
    expect(instancePhase([{ state: 'done' }], [{ round: 1, status: 'done' }, { round: 2, status: 'queued' }], [{ verdict: 'still_served' }])).toBe('rechecking');
    expect(instancePhase([{ state: 'done' }], [{ round: 1, status: 'done' }], [{ verdict: 'removed' }])).toBe('done');
  });

  it('is failed only when every step failed and nothing was found removed', () => {
    expect(instancePhase([{ state: 'failed' }], [{ round: 1, status: 'done' }], [{ verdict: 'still_served' }])).toBe('failed');
    expect(instancePhase([{ state: 'failed' }], [{ round: 1, status: 'done' }], [{ verdict: 'removed' }])).toBe('done');
    expect(instancePhase([{ state: 'failed' }, { state: 'done' }], [{ round: 1, status: 'done' }], [])).toBe('done');
    // An instance the run could only check (no steps) is done once its receipt is written.
    expect(instancePhase([], [{ round: 1, status: 'done' }], [{ verdict: 'cannot_verify' }])).toBe('done');
  });
});
