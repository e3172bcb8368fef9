/** View-model fixtures for the safety UI render tests (synthetic values only; names with markup prove escaping). */
import type { HoldView, RuleView } from '@/lib/holding/types';
import type { MatcherView } from '@/lib/matchers/types';
import type { QueueRow } from '@/lib/queue/types';
import type { WatchInstanceView, WatchTermView } from '@/lib/watch/types';

export const NOW = Date.parse('2026-12-03T12:00:00.000Z');
const iso = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

export const INSTANCES = [
  { id: 'i1', name: 'Alpha Social', kind: 'mastodon' },
  { id: 'i2', name: 'Beta <b>Town</b>', kind: 'gotosocial' },
];

export const rule = (over: Partial<RuleView> = {}): RuleView => ({
  id: 'rule-1', name: 'Severe bank matches', trigger: 'bank_match', mode: 'live', enabled: true, minSeverity: 4, labels: ['csam'], minScore: 3,
  level: 'sensitive', allowSuspend: false, reviewMinutes: 60, instanceIds: [], createdAt: iso(-600), updatedAt: iso(-60),
  stats: { hits: 11, holds: 7, wouldHold: 0, confirmations: 5, reversals: 1, pending: 1, overdue: 1 }, ...over,
});

export const hold = (over: Partial<HoldView> = {}): HoldView => ({
  id: 'hold-1', ruleId: 'rule-1', ruleName: 'Severe bank matches', reportId: '00000000-0000-4000-8000-000000000001', instanceId: 'i1', instanceName: 'Alpha Social',
  state: 'held', dryRun: false, signal: { trigger: 'bank_match', severity: 5, label: 'csam', bank: 'Test bank', distance: 12 },
  stepLabel: 'Marked the post sensitive', reason: null, dueAt: iso(30), overdue: false, decision: null, decidedAt: null, decidedBy: null,
  createdAt: iso(-30), decidable: true, ...over,
});

export const term = (over: Partial<WatchTermView> = {}): WatchTermView => ({
  id: 't1', kind: 'hashtag', value: 'cryptotrade', note: 'trading spam wave', enabled: true, instanceIds: ['i1'], hits: 9, recentHits: 4,
  lastHitAt: iso(-5), createdAt: iso(-6000), ...over,
});

export const watchInstance = (over: Partial<WatchInstanceView> = {}): WatchInstanceView => ({
  instanceId: 'i1', name: 'Alpha Social', kind: 'mastodon', recentPosts: true, hashtagLookup: true, keywordLookup: false, webhook: true,
  note: 'Tag timelines and admin trends; keyword search needs a token with search scope.', lastScanAt: iso(-3), lastError: null, ...over,
});

export const matcher = (over: Partial<MatcherView> = {}): MatcherView => ({
  id: 'm1', name: 'Local HMA', kind: 'hma', baseUrl: 'https://hma.example/', hasKey: true, allowPrivate: false, enabled: true, instanceIds: ['i1'],
  signalTypes: ['pdq', 'md5'], severity: 5, label: 'csam', timeoutMs: 3000, perMinute: 60, circuit: 'closed', openUntil: null, lastError: null,
  lastOkAt: iso(-2), hits: 3, checked: 40, pendingChecks: 2, ...over,
});

export const row = (over: Partial<QueueRow> = {}): QueueRow => ({
  id: '00000000-0000-4000-8000-000000000001', instance: { id: 'i1', name: 'Alpha Social', kind: 'mastodon' }, remoteId: 'r1', category: 'other',
  excerpt: 'look at this', target: { acct: 'poster@far.example', displayName: 'P', domain: 'far.example' }, reporterAcct: 'alice', assigneeAcct: null,
  mediaCount: 1, statusCount: 1, priority: 50, remoteCreatedAt: iso(-40), status: 'open', match: null, case: null, thumbMediaId: null, tags: [],
  escalation: null, claim: null, kind: 'report', watch: null, hold: null, brigade: null, ...over,
});
