/**
 * Holds, watch items and brigades where moderators work: the queue's held section (the normal row plus the hold
 * badge, Confirm and Undo outside the option), the watch and brigade badges on every row, the report page's hold
 * panel in each state, the brigade notice, and a watch item's notice with the report actions hidden.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { HoldStateName } from '@/lib/holding/types';
import { mastodonCapabilities } from '@/lib/connectors/mastodon/capabilities';
import type { ReportDetail } from '@/lib/queue/detail-types';
import type { ReportActionsData } from '@/components/actions/use-report-actions';
import { hold, NOW, row } from './safety-ui-fixtures';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined, replace: () => undefined }), usePathname: () => '/queue' }));

const { HeldSection } = await import('@/components/queue/held-section');
const { QueueRowItem } = await import('@/components/queue/queue-row');
const { HoldPanel } = await import('@/components/safety/hold-panel');
const { BrigadeNotice } = await import('@/components/safety/brigade-notice');
const { ReportSafety } = await import('@/components/safety/report-safety');
const { ActionPanel } = await import('@/components/actions/action-panel');

const render = (el: ReactElement, client = new QueryClient()) => renderToStaticMarkup(createElement(QueryClientProvider, { client }, el));
const noop = { onSelect: () => {}, onOpen: () => {}, onToggle: () => {}, onRange: () => {} };
const INTERACTIVE = /<(a|button|input|select|textarea)\b|tabindex=/;
const brigade = { reasons: ['31 of 40 reporters\' accounts were made within 2 days of each other', 'All 40 reports came from one instance'], reports: 40, reporters: 40, instances: 1, freshShare: 0.9, flaggedAt: new Date(NOW).toISOString() };

describe('held section in the queue', () => {
  const held = [row({ hold: hold() }), row({ id: '00000000-0000-4000-8000-000000000002', hold: hold({ id: 'hold-2', state: 'not_hidden', stepLabel: null, reason: 'no media', overdue: true, dueAt: new Date(NOW - 600_000).toISOString() }) })];

  it('shows each held row with its badge and Confirm / Undo beside it, never inside the option', () => {
    const html = render(createElement(HeldSection, { rows: held, selectedId: held[0].id, canAct: true, gray: true, grouped: true, handlersFor: () => noop, onDecided: () => {} }));
    expect(html).toContain('data-testid="held-section"');
    expect(html).toContain('>Held for review');
    expect(html.split('data-testid="hold-badge"').length - 1).toBe(2);
    expect(html).toContain('Held by Severe bank matches');
    expect(html).toContain('Marked the post sensitive');
    expect(html).toContain('Not hidden');
    expect(html).toMatch(/overdue by/);
    expect(html.split('data-testid="hold-confirm"').length - 1).toBe(2);
    expect(html.split('data-testid="hold-undo"').length - 1).toBe(2);
    for (const option of html.match(/<li[^>]*role="option"[\s\S]*?<\/li>/g) ?? []) expect(option.replace(/^<li[^>]*>/, '')).not.toMatch(INTERACTIVE);
    expect(html).toMatch(/role="listbox"[^>]*aria-activedescendant="queue-row-00000000-0000-4000-8000-000000000001"/);
    expect(html).toMatch(/aria-live="polite"/);
    expect(html).not.toMatch(/bg-white|text-white|#[0-9a-f]{6}\b/i);
  });

  it('viewers and undecidable holds get no buttons; no held rows render nothing', () => {
    expect(render(createElement(HeldSection, { rows: held, selectedId: null, canAct: false, gray: true, grouped: true, handlersFor: () => noop, onDecided: () => {} }))).not.toContain('hold-confirm');
    const undecidable = [row({ hold: hold({ state: 'undoing', decidable: false }) })];
    expect(render(createElement(HeldSection, { rows: undecidable, selectedId: null, canAct: true, gray: true, grouped: true, handlersFor: () => noop, onDecided: () => {} }))).not.toContain('hold-undo');
    expect(render(createElement(HeldSection, { rows: [], selectedId: null, canAct: true, gray: true, grouped: true, handlersFor: () => noop, onDecided: () => {} }))).toBe('');
  });
});

describe('badges on every row', () => {
  it('a watch item names its terms; a likely brigade names its first reason; both stay non-interactive', () => {
    const r = row({ kind: 'watch', reporterAcct: null, watch: [{ termId: 't1', kind: 'hashtag', value: 'cryptotrade', via: 'tag' }, { termId: 't2', kind: 'domain', value: 'shop.example', via: 'timeline' }], brigade });
    const html = renderToStaticMarkup(createElement(QueueRowItem, { row: r, current: false, picked: false, dimmed: false, handlers: noop }));
    expect(html).toMatch(/data-testid="watch-badge"[^>]*>[\s\S]*#cryptotrade, links to shop.example/);
    expect(html).toContain('#cryptotrade (tag timeline)');
    expect(html).toMatch(/data-testid="brigade-badge"[^>]*aria-label="Likely brigade: 31 of 40 reporters&#x27; accounts/);
    expect(html).toContain('>Likely brigade<');
    expect(html.replace(/^<li[^>]*>/, '')).not.toMatch(INTERACTIVE);
    const plain = renderToStaticMarkup(createElement(QueueRowItem, { row: row(), current: false, picked: false, dimmed: false, handlers: noop }));
    expect(plain).not.toContain('watch-badge');
    expect(plain).not.toContain('brigade-badge');
  });
});

describe('hold panel on the report page', () => {
  const states: [HoldStateName, string][] = [
    ['holding', 'Hiding now'], ['held', 'Hidden, waiting for review'], ['not_hidden', 'Not hidden, waiting for review'],
    ['confirmed', 'Confirmed'], ['undone', 'Undone'],
  ];
  it.each(states)('state %s reads "%s" with rule, signal and step', (state, words) => {
    const decided = state === 'confirmed' || state === 'undone';
    const h = hold({ state, decidable: !decided, decision: state === 'confirmed' ? 'confirmed' : state === 'undone' ? 'undone' : null, decidedBy: decided ? 'ana@example.test' : null, decidedAt: decided ? new Date(NOW).toISOString() : null, stepLabel: state === 'not_hidden' ? null : 'Marked the post sensitive', reason: state === 'not_hidden' ? 'the post has no media' : null });
    const html = render(createElement(HoldPanel, { holds: [h], canAct: true, onDecide: () => {}, now: NOW }));
    expect(html).toContain('data-testid="hold-panel"');
    expect(html).toContain(`data-state="${state}"`);
    expect(html).toContain(`>${words}<`);
    expect(html).toContain('Rule Severe bank matches');
    expect(html).toContain('Bank match, severity 5 (csam), distance 12');
    if (state === 'not_hidden') expect(html).toContain('Not hidden: the post has no media');
    else expect(html).toContain('Marked the post sensitive');
    if (decided) {
      expect(html).toMatch(new RegExp(`${state === 'confirmed' ? 'Confirmed' : 'Undone'} by ana@example.test`));
      expect(html).not.toContain('hold-confirm');
    } else {
      expect(html).toContain('Review due in 30 min');
      expect(html).toContain('data-testid="hold-confirm"');
      expect(html).toContain('data-testid="hold-undo"');
    }
  });

  it('a dry-run record says what the rule would have done; no panel without holds', () => {
    const html = render(createElement(HoldPanel, { holds: [hold({ state: 'would_hold', dryRun: true, decidable: false, ruleName: 'Trial' })], canAct: true, onDecide: () => {} }));
    expect(html).toContain('data-state="would_hold"');
    expect(html).toContain('Rule Trial (dry run) would have: marked the post sensitive');
    expect(html).not.toContain('hold-confirm');
    expect(render(createElement(HoldPanel, { holds: [], canAct: true }))).toBe('');
  });

  it('the brigade notice lists the reasons and the score and says nothing was hidden', () => {
    const html = render(createElement(BrigadeNotice, { brigade, score: 1.4 }));
    expect(html).toContain('data-testid="brigade-notice"');
    expect(html).toContain('weighted score 1.4');
    expect(html).toContain('were not used to hide anything');
    expect(html).toContain('All 40 reports came from one instance');
  });
});

describe('a watch item on the report page', () => {
  const detail = (kind: 'report' | 'watch'): ReportDetail => ({
    id: '00000000-0000-4000-8000-000000000001', remoteId: 'w1', category: 'other', status: 'open', comment: '', forwarded: false, rules: [], remoteNotes: [], priority: 10,
    priorityReason: '', remoteCreatedAt: new Date(NOW).toISOString(), resolvedAt: null, instance: { id: 'i1', name: 'Alpha Social', kind: 'mastodon', domain: 'alpha.example' },
    reporter: null, target: { id: 'a1', acct: 'poster', displayName: 'P', domain: null, handle: 'poster@alpha.example', url: null, suspended: false, silenced: false, sensitized: false, disabled: false },
    assigneeAcct: null, earlierReports: [], earlierTotal: 0, statuses: [], canAct: true, case: null, kind,
    watch: kind === 'watch' ? [{ termId: 't1', kind: 'hashtag', value: 'tag', via: 'timeline' }] : null, holds: [], brigade: null, reportScore: null,
  });

  it('says what caught it, offers Close, and the action panel leaves out the report actions', () => {
    const html = render(createElement(ReportSafety, { report: detail('watch') }));
    expect(html).toContain('data-testid="watch-notice"');
    expect(html).toContain('Caught by the watch list: #tag (timeline)');
    expect(html).toMatch(/data-testid="watch-close"[^>]*>Close item</);
    expect(render(createElement(ReportSafety, { report: detail('report') }))).toBe('');

    const client = new QueryClient();
    const data: ReportActionsData = {
      report: { id: 'r1', status: 'open', category: 'other' }, instance: { kind: 'mastodon', name: 'Alpha Social' },
      target: { acct: 'poster', domain: null, suspended: false, silenced: false, sensitized: false, disabled: false },
      capabilities: mastodonCapabilities, canAct: true, canDeleteAccounts: false, actions: [],
    };
    client.setQueryData(['report-actions', 'r1'], data);
    const withReport = render(createElement(ActionPanel, { reportId: 'r1', canAct: true }), client);
    expect(withReport).toMatch(/<h2[^>]*>Report<\/h2>/);
    expect(withReport).toMatch(/<h2[^>]*>Account<\/h2>/);
    const watch = render(createElement(ActionPanel, { reportId: 'r1', canAct: true, reportActions: false }), client);
    expect(watch).not.toMatch(/<h2[^>]*>Report<\/h2>/);
    expect(watch).toMatch(/<h2[^>]*>Account<\/h2>/);
  });
});
