import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type MergePolicy, type MergeSource, type Severity } from '@/lib/blocklists/types';
import { mergeBlocklists } from './merge-blocklists';

type E = MergeSource['entries'][number];
const e = (domain: string, severity: Severity = 'suspend', o: Partial<E> = {}): E =>
  ({ domain, severity, rejectMedia: false, rejectReports: false, publicComment: null, wildcard: false, obfuscatedAs: null, ...o });
const src = (id: string, entries: E[], trusted = false): MergeSource => ({ id, name: `List ${id}`, trusted, entries });
const merge = (sources: MergeSource[], policy: Partial<MergePolicy> = {}, allow: string[] = [], own: string[] = []) =>
  mergeBlocklists({ sources, policy: { ...DEFAULT_POLICY, ...policy }, allow, own });

describe('mergeBlocklists', () => {
  it('three overlapping sources with a threshold of 2 give the expected merged set', () => {
    const a = src('a', [e('spam.example', 'suspend', { rejectMedia: true, publicComment: 'spam' }), e('loud.example', 'silence'), e('only-a.example'), e('ab.example', 'noop')]);
    const b = src('b', [e('spam.example', 'silence', { publicComment: 'spam' }), e('loud.example', 'silence', { rejectReports: true }), e('bc.example'), e('ab.example', 'silence')]);
    const c = src('c', [e('spam.example', 'noop', { publicComment: 'bots' }), e('bc.example', 'silence'), e('only-c.example', 'suspend')]);
    const r = merge([c, a, b], { threshold: 2, severity: 'max' });
    expect([...r.blocks.values()].sort((x, y) => x.domain.localeCompare(y.domain))).toEqual([
      { domain: 'ab.example', severity: 'silence', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false, sourceIds: ['a', 'b'] },
      { domain: 'bc.example', severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false, sourceIds: ['b', 'c'] },
      { domain: 'loud.example', severity: 'silence', rejectMedia: false, rejectReports: true, publicComment: null, obfuscate: false, sourceIds: ['a', 'b'] },
      { domain: 'spam.example', severity: 'suspend', rejectMedia: true, rejectReports: false, publicComment: 'spam; bots', obfuscate: false, sourceIds: ['a', 'b', 'c'] },
    ]);
    expect(r.excluded).toEqual([
      { domain: 'only-a.example', reason: 'below_threshold', sourceIds: ['a'] },
      { domain: 'only-c.example', reason: 'below_threshold', sourceIds: ['c'] },
    ]);
  });

  it("'agreed' takes the strongest severity enough sources agree on, and flags only when enough set them", () => {
    const a = src('a', [e('x.example', 'suspend', { rejectMedia: true })]);
    const b = src('b', [e('x.example', 'silence', { rejectMedia: true })]);
    const c = src('c', [e('x.example', 'noop', { rejectReports: true })]);
    expect(merge([a, b, c], { threshold: 2, severity: 'agreed' }).blocks.get('x.example')).toMatchObject({ severity: 'silence', rejectMedia: true, rejectReports: false });
    expect(merge([a, b, c], { threshold: 3, severity: 'agreed' }).blocks.get('x.example')).toMatchObject({ severity: 'noop', rejectMedia: false });
    expect(merge([a, b, c], { threshold: 3, severity: 'max' }).blocks.get('x.example')).toMatchObject({ severity: 'suspend', rejectMedia: true, rejectReports: true });
  });

  it('lets one trusted source block alone, and counts alone at its level under agreed', () => {
    const t = src('t', [e('x.example', 'suspend', { rejectReports: true }), e('y.example', 'silence')], true);
    const u = src('u', [e('x.example', 'silence')]);
    const r = merge([t, u], { threshold: 3, severity: 'agreed' });
    expect(r.blocks.get('x.example')).toMatchObject({ severity: 'suspend', rejectReports: true, sourceIds: ['t', 'u'] });
    expect(r.blocks.get('y.example')).toMatchObject({ severity: 'silence', sourceIds: ['t'] });
  });

  it('counts a domain listed twice by one source once', () => {
    const a = src('a', [e('x.example', 'silence'), e('X.example.', 'suspend'), e('x.example', 'suspend', { wildcard: true })]);
    const r = merge([a], { threshold: 2 });
    expect(r.blocks.size).toBe(0);
    expect(r.excluded).toEqual([{ domain: 'x.example', reason: 'below_threshold', sourceIds: ['a'] }]);
  });

  it('never blocks an allowlisted domain or its subdomains', () => {
    const lists = [src('a', [e('friend.example'), e('sub.friend.example'), e('foe.example')]), src('b', [e('friend.example'), e('sub.friend.example'), e('foe.example')])];
    const r = merge(lists, {}, ['Friend.Example']);
    expect([...r.blocks.keys()]).toEqual(['foe.example']);
    expect(r.excluded.map((x) => [x.domain, x.reason])).toEqual([['friend.example', 'allowlist'], ['sub.friend.example', 'allowlist']]);
  });

  it('never blocks our own domains nor a parent of one, but may block a sibling', () => {
    const entries = [e('social.ours.example'), e('ours.example'), e('other.ours.example'), e('example')];
    const r = merge([src('a', entries, true)], {}, [], ['social.ours.example', '127.0.0.1:4001']);
    expect([...r.blocks.keys()]).toEqual(['other.ours.example']);
    expect(r.excluded.map((x) => [x.domain, x.reason])).toEqual([['example', 'own_domain'], ['ours.example', 'own_domain'], ['social.ours.example', 'own_domain']]);
  });

  it('asks to publish obfuscated when any listing source gave the name obfuscated', () => {
    const r = merge([src('a', [e('x.example', 'suspend', { obfuscatedAs: 'x*.example' })]), src('b', [e('x.example')])]);
    expect(r.blocks.get('x.example')?.obfuscate).toBe(true);
  });
});
