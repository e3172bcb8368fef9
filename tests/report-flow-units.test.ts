/**
 * The report page's flow in pure pieces: the queue context ("Back to queue", the next report), when to poll and
 * move on after an action, the server's word for an item, ages and priority in words, and the header and queue
 * health rendered to HTML (react-dom/server).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backToQueueHref, nextReportId, readQueueContext, saveQueueContext, type QueueContext } from '@/components/queue/queue-context';
import { doneIds, hasActionInFlight, newlyFinished } from '@/components/report-detail/follow-actions';
import { itemNoun, itemsHeading } from '@/components/report-detail/item-noun';
import { timeAgo } from '@/components/ui/time-ago';
import { ReportHeader } from '@/components/report-detail/report-header';
import { InstanceCounts } from '@/components/queue/instance-counts';
import { ReportsPerDay, perDaySummary } from '@/components/queue/reports-per-day';
import { explainPriority } from '@/lib/queue/explain-priority';
import type { ReportDetail } from '@/lib/queue/detail-types';

const ctx = (over: Partial<QueueContext> = {}): QueueContext => ({ query: 'status=open&tag=brigade', ids: ['a', 'b', 'c', 'd'], selectedId: 'b', ...over });

describe('queue context', () => {
  afterEach(() => { vi.unstubAllGlobals(); });

  it('backToQueueHref keeps the filters and selects the current report', () => {
    expect(backToQueueHref(ctx(), 'c')).toBe('/queue?status=open&tag=brigade&select=c');
    expect(backToQueueHref(ctx())).toBe('/queue?status=open&tag=brigade&select=b');
    expect(backToQueueHref(null)).toBe('/queue');
    expect(backToQueueHref(null, 'x')).toBe('/queue?select=x');
    expect(backToQueueHref(ctx({ query: '', selectedId: null }))).toBe('/queue');
    // A stale select in the saved query is replaced, not duplicated.
    expect(backToQueueHref(ctx({ query: 'select=old&sort=oldest' }), 'new')).toBe('/queue?select=new&sort=oldest');
  });

  it('nextReportId follows the saved order and skips handled reports', () => {
    expect(nextReportId(ctx(), 'b')).toBe('c');
    expect(nextReportId(ctx(), 'd')).toBeNull();
    expect(nextReportId(ctx(), 'b', new Set(['c']))).toBe('d');
    expect(nextReportId(ctx(), 'b', new Set(['c', 'd']))).toBeNull();
    // A report that is not in the list (opened from a link): the first of the list.
    expect(nextReportId(ctx(), 'zzz')).toBe('a');
    expect(nextReportId(null, 'b')).toBeNull();
  });

  it('nextReportId never returns the current or a skipped report', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 12 }), fc.constantFrom('a', 'b', 'c'), fc.subarray(['a', 'b', 'c', 'd', 'e']), (ids, current, skipped) => {
      const next = nextReportId({ query: '', ids, selectedId: null }, current, new Set(skipped));
      if (next !== null) {
        expect(next).not.toBe(current);
        expect(skipped).not.toContain(next);
        expect(ids).toContain(next);
      }
    }));
  });

  it('round-trips through sessionStorage and survives junk or no storage', () => {
    expect(readQueueContext()).toBeNull();
    const store = new Map<string, string>();
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) });
    saveQueueContext(ctx());
    expect(readQueueContext()).toEqual(ctx());
    store.set('fedimod.queue-context', '{"query":1}');
    expect(readQueueContext()).toBeNull();
    store.set('fedimod.queue-context', 'not json');
    expect(readQueueContext()).toBeNull();
  });
});

describe('following actions on the report page', () => {
  const a = (id: string, kind: string, status: string) => ({ id, kind, status });
  it('polls while something is pending or running', () => {
    expect(hasActionInFlight([a('1', 'report.resolve', 'done')])).toBe(false);
    expect(hasActionInFlight([a('1', 'report.resolve', 'done'), a('2', 'account.action', 'running')])).toBe(true);
    expect(hasActionInFlight([a('1', 'report.note', 'pending')])).toBe(true);
    expect(hasActionInFlight([a('1', 'report.resolve', 'cancelled'), a('2', 'x', 'failed')])).toBe(false);
  });

  it('moves on only for a resolve or reject finished since the page loaded', () => {
    const loaded = new Set(doneIds([a('old', 'report.resolve', 'done')]));
    expect(newlyFinished([a('old', 'report.resolve', 'done')], loaded)).toBeNull();
    expect(newlyFinished([a('n', 'report.resolve', 'running')], loaded)).toBeNull();
    expect(newlyFinished([a('n', 'report.resolve', 'failed')], loaded)).toBeNull();
    expect(newlyFinished([a('n', 'account.action', 'done')], loaded)).toBeNull();
    expect(newlyFinished([a('n', 'report.resolve', 'done')], loaded)?.id).toBe('n');
    expect(newlyFinished([a('r', 'report.reject', 'done')], loaded)?.id).toBe('r');
  });

  it('moves on for a resolve asked from this tab even when the worker finished it before the first look', () => {
    // The page's first list already shows the resolve done: diffing alone would stay put (seen in Chromium under load).
    const first = [a('mine', 'report.resolve', 'done')];
    const loaded = new Set(doneIds(first));
    expect(newlyFinished(first, loaded)).toBeNull();
    expect(newlyFinished(first, loaded, new Set(['mine']))?.id).toBe('mine');
    expect(newlyFinished([a('other', 'report.resolve', 'done')], new Set(['other']), new Set(['mine']))).toBeNull();
  });
});

describe('words on the report page', () => {
  it('names Lemmy comments and PeerTube videos as such', () => {
    expect(itemNoun('lemmy', 'comment:12').one).toBe('Comment');
    expect(itemNoun('lemmy', 'post:3').one).toBe('Post');
    expect(itemNoun('peertube', 'video-7').one).toBe('Video');
    expect(itemNoun('peertube', 'comment-7-9').one).toBe('Comment');
    expect(itemNoun('mastodon', 'comment:12').one).toBe('Status');
    expect(itemNoun('misskey', 'abc').one).toBe('Note');
    expect(itemsHeading('lemmy', ['post:1', 'comment:2', 'comment:3'])).toBe('posts and comments');
    expect(itemsHeading('peertube', ['video-1'])).toBe('videos');
    expect(itemsHeading('mastodon', [])).toBe('statuses');
  });

  it('says "just now" instead of "now ago"', () => {
    const now = Date.parse('2026-06-15T12:00:00Z');
    expect(timeAgo('2026-06-15T11:59:40Z', now)).toBe('just now');
    expect(timeAgo('2026-06-15T12:00:30Z', now)).toBe('just now');
    expect(timeAgo('2026-06-15T11:55:00Z', now)).toBe('5 min ago');
    expect(timeAgo('2026-06-15T09:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo('2026-06-10T12:00:00Z', now)).toBe('5 days ago');
    expect(timeAgo('junk', now)).toBe('at an unknown time');
    fc.assert(fc.property(fc.integer({ min: 0, max: 4e11 }), (ms) => { expect(timeAgo(new Date(now - ms).toISOString(), now)).not.toMatch(/now ago|NaN/); }));
  });

  it('explains the priority in words', () => {
    expect(explainPriority({ priority: 782_100, severity: 5, distance: 0, category: 'legal', mediaCount: 1, reportCount: 3 }))
      .toBe('Priority 782100: severity-5 hash match (exact), 3 reports against this account, 1 media item, category legal');
    expect(explainPriority({ priority: 150, severity: 0, distance: null, category: 'Spam', mediaCount: 0, reportCount: 1 }))
      .toBe('Priority 150: category spam');
    expect(explainPriority({ priority: 9, severity: 2, distance: 14, category: '', mediaCount: 2, reportCount: 1 }))
      .toBe('Priority 9: severity-2 hash match at distance 14, 2 media items, category other');
  });
});

const account = { id: 'acc', acct: 'bad@remote.example', displayName: 'Bad', domain: 'remote.example', handle: 'bad@remote.example', url: null, suspended: false, silenced: false, sensitized: false, disabled: false };
const report = (over: Partial<ReportDetail> = {}): ReportDetail => ({
  id: 'r1', remoteId: '42', category: 'spam', status: 'resolved', comment: '', forwarded: false, rules: [], remoteNotes: [], priority: 150,
  priorityReason: 'Priority 150: category spam', remoteCreatedAt: new Date(Date.now() - 3_600_000).toISOString(), resolvedAt: new Date().toISOString(),
  instance: { id: 'i1', name: 'Alpha', kind: 'mastodon', domain: 'alpha.example' }, reporter: null, target: account, assigneeAcct: 'mod@alpha',
  earlierReports: [], earlierTotal: 0, statuses: [], canAct: false, case: null, kind: 'report', watch: null, holds: [], brigade: null, reportScore: null, ...over,
});

describe('rendered', () => {
  it('the header: back link, status, assignee and priority in words, no "now ago"', () => {
    const out = renderToStaticMarkup(createElement(ReportHeader, { report: report(), backHref: '/queue?tag=x&select=r1' }));
    expect(out).toContain('Back to queue');
    expect(out).toContain('href="/queue?tag=x&amp;select=r1"');
    expect(out).toContain('Resolved');
    expect(out).toContain('just now');
    expect(out).not.toMatch(/now ago/);
    expect(out).toContain('Assigned to');
    expect(out).toContain('Priority 150: category spam');
    const open = renderToStaticMarkup(createElement(ReportHeader, { report: report({ status: 'open', resolvedAt: null, assigneeAcct: null }) }));
    expect(open).toContain('href="/queue"');
    expect(open).toContain('Unassigned');
    expect(open).not.toContain('· Resolved');
  });

  it('instance counts keep aria-pressed buttons and "All instances", with the oldest wait', () => {
    const counts = [{ instanceId: 'i1', name: 'Alpha', kind: 'mastodon', open: 3 }, { instanceId: 'i2', name: 'Beta', kind: 'lemmy', open: 0 }];
    const out = renderToStaticMarkup(createElement(InstanceCounts, { counts, selected: 'i1', onSelect: () => {}, oldest: new Map([['i1', new Date(Date.now() - 3 * 3_600_000).toISOString()], ['i2', null]]) }));
    expect(out).toContain('All instances');
    expect(out.match(/aria-pressed="true"/g)).toHaveLength(1);
    expect(out).toContain('3h');
    expect(out).not.toMatch(/#[0-9a-f]{6}|bg-white/);
  });

  it('the per-day chart has an accessible summary and a table of every day', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ day: `2026-06-${String(i + 1).padStart(2, '0')}`, received: i === 4 ? 9 : 1, resolved: i % 2 }));
    expect(perDaySummary(days)).toBe('Reports per day over 30 days: 38 received, 15 resolved, busiest day 2026-06-05 with 9.');
    const out = renderToStaticMarkup(createElement(ReportsPerDay, { days }));
    expect(out).toContain('data-testid="reports-per-day"');
    expect(out).toContain('role="img"');
    expect(out).toContain(`aria-label="${perDaySummary(days)}"`);
    expect(out.match(/<tr>/g)?.length).toBe(30);
    expect(out).not.toMatch(/#[0-9a-f]{6}/);
  });
});
