/** The reverse of each kind of change an application made (pure: undo-application.ts inverseOf). */
import { describe, expect, it } from 'vitest';
import { inverseOf } from '@/lib/blocklists/undo-application';
import type { CurrentBlock } from '@/lib/blocklists/types';

const block = (severity: CurrentBlock['severity'], extra: Partial<CurrentBlock> = {}): CurrentBlock => ({
  domain: 'x.example', severity, rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false, origin: 'list', sourceIds: ['s1'], ...extra,
});
const target = (severity: CurrentBlock['severity'], rejectMedia = false) => ({ severity, rejectMedia, rejectReports: false, publicComment: null, obfuscate: false });
const base = { instanceId: 'i1', domain: 'x.example', sourceIds: ['s2'] };

describe('inverseOf', () => {
  it('an add is removed', () => {
    expect(inverseOf({ ...base, op: 'add', before: null, after: target('suspend') })).toMatchObject({ op: 'remove', after: null, before: { severity: 'suspend', origin: 'list' } });
  });
  it('a removal puts the old block back with its old sources', () => {
    expect(inverseOf({ ...base, op: 'remove', before: block('silence', { sourceIds: ['old'] }), after: null }))
      .toMatchObject({ op: 'add', before: null, after: target('silence'), sourceIds: ['old'] });
  });
  it('a raise is lowered back, a lower raised back, an update updated back', () => {
    expect(inverseOf({ ...base, op: 'raise', before: block('silence'), after: target('suspend') })).toMatchObject({ op: 'lower', after: target('silence') });
    expect(inverseOf({ ...base, op: 'lower', before: block('suspend'), after: target('noop') })).toMatchObject({ op: 'raise', after: target('suspend') });
    expect(inverseOf({ ...base, op: 'update', before: block('suspend', { rejectMedia: true }), after: target('suspend') })).toMatchObject({ op: 'update', after: target('suspend', true) });
  });
  it('a change row without what it needs is skipped, not guessed', () => {
    expect(inverseOf({ ...base, op: 'add', before: null, after: null })).toBeNull();
    expect(inverseOf({ ...base, op: 'remove', before: null, after: null })).toBeNull();
  });
});
