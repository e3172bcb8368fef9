import { describe, expect, it } from 'vitest';
import { diffLive, mergeShowNew } from '@/components/queue/live-diff';
import type { QueueRow } from '@/lib/queue/types';

const row = (id: string, extra: Partial<QueueRow> = {}): QueueRow => ({
  id, instance: { id: 'i', name: 'i', kind: 'mastodon' }, remoteId: id, category: 'spam', excerpt: '', target: { acct: 'a', displayName: '', domain: null },
  reporterAcct: null, assigneeAcct: null, mediaCount: 0, statusCount: 0, priority: 0, remoteCreatedAt: '2026-01-01T00:00:00.000Z', status: 'open', match: null, case: null, thumbMediaId: null, tags: [], escalation: null, claim: null, kind: 'report', watch: null, hold: null, brigade: null, ...extra,
});

describe('live queue diff (keeps the moderator’s place)', () => {
  const shown = ['c', 'd', 'e', 'f', 'g'].map((id) => row(id));

  it('counts new rows without inserting them, refreshes shown rows in place, marks rows that left', () => {
    const latest = { items: [row('a'), row('b'), row('c', { assigneeAcct: 'mod' }), row('e')], nextCursor: 'x', counts: [], held: [] };
    const v = diffLive(shown, latest);
    expect(v.rows.map((r) => r.id)).toEqual(['c', 'd', 'e', 'f', 'g']);
    expect(v.rows[0].assigneeAcct).toBe('mod');
    expect(v.fresh).toBe(2);
    expect([...v.gone]).toEqual(['d']); // f and g lie beyond the fresh page: unknown, so not marked
  });

  it('on "show", puts the fresh page on top and keeps loaded rows that follow it', () => {
    const latest = { items: [row('a'), row('b'), row('c'), row('d'), row('e')], nextCursor: 'after-e', counts: [], held: [] };
    const v = diffLive(shown, latest);
    const merged = mergeShowNew(shown, 'after-g', latest, v.lastShared);
    expect(merged.rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(merged.cursor).toBe('after-g');
    const fresh = mergeShowNew([row('z')], 'after-z', latest, diffLive([row('z')], latest).lastShared);
    expect(fresh).toEqual({ rows: latest.items, cursor: 'after-e' });
  });
});
