import { describe, expect, it } from 'vitest';
import type { BlocklistCapability } from '@/lib/connectors/types';
import type { CurrentBlock, MergedBlock, Severity } from '@/lib/blocklists/types';
import { diffInstance } from './diff-instance';
import { previewDigest } from './preview-digest';

const MASTODON: BlocklistCapability = { severities: ['suspend', 'silence', 'noop'], flags: ['rejectMedia', 'rejectReports'], canUpdate: true, publicComment: true, obfuscate: true, note: 'full' };
const FULL_ONLY: BlocklistCapability = { severities: ['suspend'], flags: [], canUpdate: false, publicComment: false, obfuscate: false, note: 'a full block; no silence' };

const want = (domain: string, severity: Severity = 'suspend', o: Partial<MergedBlock> = {}): MergedBlock =>
  ({ domain, severity, rejectMedia: false, rejectReports: false, publicComment: 'why', obfuscate: false, sourceIds: ['s1'], ...o });
const has = (domain: string, origin: 'list' | 'hand', severity: Severity = 'suspend', o: Partial<CurrentBlock> = {}): CurrentBlock =>
  ({ domain, severity, rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false, origin, sourceIds: origin === 'list' ? ['s0'] : [], ...o });
const desired = (...blocks: MergedBlock[]) => new Map(blocks.map((b) => [b.domain, b]));
const diff = (capability: BlocklistCapability | undefined, current: CurrentBlock[], wanted: Map<string, MergedBlock>, id = 'i1') =>
  diffInstance({ instance: { id, name: id, kind: 'mastodon' }, capability, unsupportedNote: 'cannot', current, desired: wanted });

describe('diffInstance', () => {
  it('adds, raises, lowers, updates and retracts list-made blocks only', () => {
    const d = diff(MASTODON, [
      has('raise.example', 'list', 'silence'), has('lower.example', 'list', 'suspend'), has('flags.example', 'list', 'suspend'),
      has('same.example', 'list', 'suspend', { publicComment: 'old words' }), has('gone.example', 'list', 'silence', { sourceIds: ['s0', 's2'] }),
      has('hand-gone.example', 'hand'), has('hand.example', 'hand', 'silence'),
    ], desired(
      want('new.example', 'silence', { rejectMedia: true, obfuscate: true }), want('raise.example'), want('lower.example', 'silence'),
      want('flags.example', 'suspend', { rejectReports: true }), want('same.example'), want('hand.example'),
    ));
    expect(d.supported).toBe(true);
    expect(d.note).toBe('full');
    expect(d.lines.map((l) => [l.op, l.domain])).toEqual([
      ['add', 'new.example'], ['raise', 'raise.example'], ['lower', 'lower.example'], ['update', 'flags.example'], ['remove', 'gone.example'], ['kept_hand', 'hand.example'],
    ]);
    expect(d.lines[0].after).toEqual({ severity: 'silence', rejectMedia: true, rejectReports: false, publicComment: 'why', obfuscate: true });
    expect(d.lines[4]).toMatchObject({ after: null, sourceIds: ['s0', 's2'], before: { origin: 'list' } });
    expect(d.lines[5]).toMatchObject({ after: null, note: 'blocked by hand here; left as it is' });
    expect(d.counts).toEqual({ add: 1, raise: 1, lower: 1, update: 1, remove: 1, unsupported: 0, kept_hand: 1 });
  });

  it('on a full-block-only kind: sends suspend without flags, and says what it cannot express', () => {
    const d = diff(FULL_ONLY, [has('listed.example', 'list', 'suspend')], desired(
      want('s.example', 'suspend', { rejectMedia: true, obfuscate: true }), want('quiet.example', 'silence'), want('listed.example', 'suspend', { rejectMedia: true }),
    ));
    expect(d.lines.map((l) => [l.op, l.domain])).toEqual([['add', 's.example'], ['unsupported', 'quiet.example']]);
    expect(d.lines[0].after).toEqual({ severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false });
    expect(d.lines[1].note).toMatch(/cannot silence/);
    expect(d.note).toBe('a full block; no silence');
  });

  it('does not change in place where the kind cannot update', () => {
    const cap = { ...MASTODON, canUpdate: false };
    const d = diff(cap, [has('x.example', 'list', 'silence')], desired(want('x.example', 'suspend')));
    expect(d.lines).toEqual([expect.objectContaining({ op: 'unsupported', after: null, note: expect.stringMatching(/in place/) })]);
  });

  it('is empty and unsupported without a capability, with the kind\'s note', () => {
    const d = diff(undefined, [has('x.example', 'list')], desired(want('y.example')));
    expect(d).toMatchObject({ supported: false, note: 'cannot', lines: [] });
    expect(Object.values(d.counts).every((n) => n === 0)).toBe(true);
  });
});

describe('previewDigest', () => {
  it('changes with what would be sent, not with the order or the unsent lines', () => {
    const a = diff(MASTODON, [has('hand.example', 'hand')], desired(want('a.example'), want('b.example'), want('hand.example')), 'i1');
    const b = diff(MASTODON, [], desired(want('c.example')), 'i2');
    const base = previewDigest([a, b]);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(previewDigest([b, a])).toBe(base);
    expect(previewDigest([{ ...a, lines: [...a.lines].reverse() }, b])).toBe(base);
    expect(previewDigest([{ ...a, lines: a.lines.filter((l) => l.op !== 'kept_hand') }, b])).toBe(base);
    const stronger = diff(MASTODON, [], desired(want('c.example', 'silence')), 'i2');
    expect(previewDigest([a, stronger])).not.toBe(base);
    expect(previewDigest([a])).not.toBe(base);
  });
});
