/**
 * The safety pages' parts rendered to HTML (react-dom/server, no browser): the test ids the Playwright spec uses,
 * the signal and step in words, stats cells, dry run vs live, per-instance watch capabilities, a matcher list that
 * never shows a key, forms with a label on every control, theme tokens only, and remote text escaped.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import fc from 'fast-check';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { HOLD_TRIGGERS, type HoldSignal } from '@/lib/holding/types';
import { hold, INSTANCES, matcher, NOW, rule, term, watchInstance } from './safety-ui-fixtures';

const path = vi.hoisted(() => ({ value: '/safety' }));
vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined }), usePathname: () => path.value }));

const { RulesTable } = await import('@/components/safety/rules-table');
const { RuleForm } = await import('@/components/safety/rule-form');
const { PendingHolds } = await import('@/components/safety/pending-holds');
const { WouldHoldList } = await import('@/components/safety/would-hold-list');
const { WatchTermsTable } = await import('@/components/safety/watch-terms-table');
const { WatchCapabilities } = await import('@/components/safety/watch-capabilities');
const { WatchTermForm } = await import('@/components/safety/watch-term-form');
const { MatchersTable } = await import('@/components/safety/matchers-table');
const { MatcherForm } = await import('@/components/safety/matcher-form');
const { SafetyTabs } = await import('@/components/safety/safety-tabs');
const { signalText, dueText } = await import('@/components/safety/labels');

const render = (el: ReactElement) => renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, el));

/** Every input/select has a name: inside a <label>, or aria-label(ledby). */
function unlabelled(html: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)(label|input|select|textarea)([^>]*)>/g)) {
    const [whole, close, tag, attrs] = m;
    if (tag === 'label') { depth += close ? -1 : 1; continue; }
    if (close || /type="hidden"/.test(attrs)) continue;
    if (depth === 0 && !/aria-label(ledby)?="/.test(attrs)) out.push(whole);
  }
  return out;
}
function tokensOnly(html: string) {
  expect(html).not.toMatch(/bg-white|text-black|text-white|#[0-9a-f]{6}\b/i);
  expect(html).not.toContain('<script');
}
const cells = (html: string, key: string) => [...html.matchAll(new RegExp(`data-testid="rule-stat-${key}"[^>]*>(\\d+)<`, 'g'))].map((m) => Number(m[1]));

describe('rules table', () => {
  const rules = [rule(), rule({ id: 'rule-2', name: 'Brigade-proof <reports>', trigger: 'report_score', mode: 'dry_run', minScore: 3.4, instanceIds: ['i2'], stats: { hits: 4, holds: 0, wouldHold: 4, confirmations: 0, reversals: 0, pending: 0, overdue: 0 } })];

  it('one row per rule with its stats in their own cells, mode in words and the threshold', () => {
    const html = render(createElement(RulesTable, { rules, instances: INSTANCES, canEdit: false }));
    tokensOnly(html);
    expect(html.split('data-testid="rule-row"').length - 1).toBe(2);
    expect(html).toContain('data-rule-name="Severe bank matches"');
    expect(html).toContain('data-rule-name="Brigade-proof &lt;reports&gt;"');
    expect(cells(html, 'hits')).toEqual([11, 4]);
    expect(cells(html, 'holds')).toEqual([7, 0]);
    expect(cells(html, 'wouldHold')).toEqual([0, 4]);
    expect(cells(html, 'confirmations')).toEqual([5, 0]);
    expect(cells(html, 'reversals')).toEqual([1, 0]);
    expect(cells(html, 'pending')).toEqual([1, 0]);
    expect(cells(html, 'overdue')).toEqual([1, 0]);
    expect(html).toContain('>Live<');
    expect(html).toContain('>Dry run<');
    expect(html).toContain('Hash bank match of severity 4 or more labelled csam');
    expect(html).toContain('Weighted report score of 3.4 or more');
    expect(html).toContain('All instances');
    expect(html).toContain('Beta &lt;b&gt;Town&lt;/b&gt;');
    expect(html).not.toContain('>Edit<');
  });

  it('admins get Edit and Delete per row; an empty list says so', () => {
    expect(render(createElement(RulesTable, { rules, instances: INSTANCES, canEdit: true }))).toMatch(/>Edit<[\s\S]*>Delete</);
    expect(render(createElement(RulesTable, { rules: [], instances: INSTANCES, canEdit: true }))).toContain('new rules start in dry run');
  });

  it('the new-rule form has every field labelled, starts in dry run and says what live does', () => {
    const html = render(createElement(RuleForm, { instances: INSTANCES, onSaved: () => {} }));
    tokensOnly(html);
    expect(unlabelled(html)).toEqual([]);
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*>[\s\S]{0,80}Dry run/);
    expect(html).toContain('Hides the item on its server through the outbox');
    for (const label of ['Name', 'Fires on', 'Lowest severity (1-5)', 'Only these labels', 'Review within (minutes)', 'Mildest step', 'Instances', 'Allow suspending']) expect(html).toContain(label);
    expect(html).not.toContain('Lowest weighted report score');
    expect(html).toContain('None checked: every instance.');
  });

  it('editing shows the rule values and the fields of its trigger', () => {
    const html = render(createElement(RuleForm, { rule: rule({ trigger: 'report_score', mode: 'live', minScore: 2.5 }), instances: INSTANCES, onSaved: () => {} }));
    expect(html).toContain('Edit rule Severe bank matches');
    expect(html).toContain('Lowest weighted report score');
    expect(html).toMatch(/name="minScore"[^>]*value="2.5"/);
    expect(html).not.toContain('Lowest severity');
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*>[\s\S]{0,80}Live/);
  });
});

describe('holds on the rules page', () => {
  it('pending holds: item link, instance, rule, signal and step in words, due time; Confirm and Undo for moderators', () => {
    const list = [hold(), hold({ id: 'hold-2', state: 'not_hidden', stepLabel: null, reason: 'Lemmy cannot hide a comment here', overdue: true, dueAt: new Date(NOW - 2 * 3600_000).toISOString(), signal: { trigger: 'report_score', score: 3.4, reporters: 3, instances: 3 } })];
    const html = render(createElement(PendingHolds, { holds: list, canDecide: true, now: NOW }));
    tokensOnly(html);
    expect(html.split('data-testid="pending-hold-row"').length - 1).toBe(2);
    expect(html).toContain('href="/reports/00000000-0000-4000-8000-000000000001"');
    expect(html).toContain('on Alpha Social');
    expect(html).toContain('Bank match, severity 5 (csam), distance 12');
    expect(html).toContain('Marked the post sensitive');
    expect(html).toContain('due in 30 min');
    expect(html).toContain('Weighted reports 3.4 from 3 reporters on 3 instances');
    expect(html).toContain('Not hidden: Lemmy cannot hide a comment here');
    expect(html).toContain('overdue by 2 h');
    expect(html.split('data-testid="hold-confirm"').length - 1).toBe(2);
    expect(html.split('data-testid="hold-undo"').length - 1).toBe(2);
    expect(html).toMatch(/aria-live="polite"/);
    expect(render(createElement(PendingHolds, { holds: list, canDecide: false, now: NOW }))).not.toContain('hold-confirm');
    expect(render(createElement(PendingHolds, { holds: [], canDecide: true }))).toContain('Nothing is waiting');
  });

  it('would-hold list: rule, signal, the step it would have taken and when', () => {
    const html = render(createElement(WouldHoldList, { holds: [hold({ id: 'w1', state: 'would_hold', dryRun: true, ruleName: 'Trial rule', signal: { trigger: 'watch_hit', term: { kind: 'hashtag', value: 'trade' } } })] }));
    tokensOnly(html);
    expect(html).toContain('data-testid="would-hold-row"');
    expect(html).toContain('data-rule-name="Trial rule"');
    expect(html).toContain('would have marked the post sensitive');
    expect(html).toContain('Watched #trade');
    expect(html).toContain('href="/reports/');
  });

  it('signals of every trigger read as words and never throw, whatever the stored values', () => {
    expect(signalText({ trigger: 'outside_match', service: 'Local HMA', bank: 'bank-a', severity: 5, label: 'csam' })).toBe('Local HMA · bank-a (csam), severity 5');
    expect(signalText({ trigger: 'watch_hit', term: { kind: 'domain', value: 'shop.example' } })).toBe('Watched links to shop.example');
    fc.assert(fc.property(
      fc.record({ trigger: fc.constantFrom(...HOLD_TRIGGERS), severity: fc.option(fc.integer(), { nil: undefined }), label: fc.option(fc.string(), { nil: undefined }), score: fc.option(fc.double(), { nil: undefined }), reporters: fc.option(fc.nat(), { nil: undefined }), term: fc.option(fc.record({ kind: fc.string(), value: fc.string() }), { nil: undefined }) }),
      (s) => typeof signalText(s as HoldSignal) === 'string',
    ));
    fc.assert(fc.property(fc.string(), fc.boolean(), (due, overdue) => typeof dueText({ dueAt: due, overdue }) === 'string'));
  });
});

describe('watch page', () => {
  it('terms table: kind, value, note, instances, hits, last 24 h, last hit; admins can remove', () => {
    const terms = [term(), term({ id: 't2', kind: 'domain', value: 'shop.example', note: '<i>x</i>', instanceIds: [], hits: 0, recentHits: 0, lastHitAt: null })];
    const html = render(createElement(WatchTermsTable, { terms, instances: INSTANCES, canEdit: true }));
    tokensOnly(html);
    expect(html.split('data-testid="watch-term-row"').length - 1).toBe(2);
    expect(html).toContain('#cryptotrade');
    expect(html).toContain('trading spam wave');
    expect(html).toContain('links to shop.example');
    expect(html).toContain('&lt;i&gt;x&lt;/i&gt;');
    expect(html).toContain('Alpha Social');
    expect(html).toContain('All instances');
    expect(html).toContain('>never<');
    expect(html).toMatch(/>Remove</);
    expect(render(createElement(WatchTermsTable, { terms, instances: INSTANCES, canEdit: false }))).not.toContain('>Remove<');
  });

  it('says per instance what its server lets us watch, with the note and the last scan error', () => {
    const html = render(createElement(WatchCapabilities, { instances: [watchInstance(), watchInstance({ instanceId: 'i2', name: 'Lemmy One', kind: 'lemmy', hashtagLookup: false, webhook: false, note: 'No hashtags on Lemmy; new posts are read from the local feed.', lastError: 'timed out' })] }));
    tokensOnly(html);
    expect(html.split('data-testid="watch-instance-row"').length - 1).toBe(2);
    expect(html).toContain('data-instance-kind="lemmy"');
    expect(html).toMatch(/data-testid="watch-cap-hashtagLookup">Yes<[\s\S]*data-testid="watch-cap-hashtagLookup">No</);
    expect(html).toContain('No hashtags on Lemmy');
    expect(html).toContain('timed out');
  });

  it('the add form labels every control', () => {
    const html = render(createElement(WatchTermForm, { instances: INSTANCES, onSaved: () => {} }));
    expect(unlabelled(html)).toEqual([]);
    for (const k of ['Hashtag', 'Keyword', 'Link domain']) expect(html).toContain(`>${k}<`);
  });
});

describe('matchers page', () => {
  it('lists each matcher with circuit state in words and activity, and never a key', () => {
    const leaky = { ...matcher(), key: 'SECRET-KEY-123', keySealed: 'sealed-abc' };
    const open = matcher({ id: 'm2', name: 'Cloud one', kind: 'cloud', hasKey: false, circuit: 'open', openUntil: new Date(NOW + 60_000).toISOString(), lastError: 'HTTP 503', instanceIds: [] });
    const html = render(createElement(MatchersTable, { matchers: [leaky, open], instances: INSTANCES }));
    tokensOnly(html);
    expect(html).not.toContain('SECRET-KEY-123');
    expect(html).not.toContain('sealed-abc');
    expect(html).toContain('Set (never shown)');
    expect(html.split('data-testid="matcher-row"').length - 1).toBe(2);
    expect(html).toContain('>Working<');
    expect(html).toContain('Paused after failures until');
    expect(html).toContain('HTTP 503');
    expect(html).toContain('None opted in: not used');
    expect(html).toContain('PDQ, MD5');
    expect(html).toMatch(/data-testid="matcher-hits">3</);
    expect(html).toContain('Test connection');
  });

  it('the form keeps the key write-only, opts in no instance by default, and offers private addresses only to owners', () => {
    const fresh = render(createElement(MatcherForm, { instances: INSTANCES, canAllowPrivate: false, onSaved: () => {} }));
    expect(unlabelled(fresh)).toEqual([]);
    expect(fresh).toMatch(/type="password"[^>]*name="key" value=""/);
    expect(fresh).toMatch(/id="[^"]*inst-i1" type="checkbox"\/>/);
    expect(fresh).not.toMatch(/id="[^"]*inst-i\d" type="checkbox" checked=""/);
    expect(fresh).not.toContain('Allow a private address');
    const edit = render(createElement(MatcherForm, { matcher: matcher(), instances: INSTANCES, canAllowPrivate: true, onSaved: () => {} }));
    expect(edit).toContain('A key is stored. Leave empty to keep it.');
    expect(edit).toContain('Remove the stored key');
    expect(edit).toContain('Allow a private address');
  });
});

describe('safety tabs', () => {
  it('admins see four tabs, others two; the current one is marked', () => {
    path.value = '/safety/watch';
    const admin = render(createElement(SafetyTabs, { admin: true }));
    for (const l of ['Rules &amp; holds', 'Watch lists', 'Matchers', 'Notifications']) expect(admin).toContain(`>${l}<`);
    expect(admin).toMatch(/aria-current="page"[^>]*href="\/safety\/watch"|href="\/safety\/watch"[^>]*aria-current="page"/);
    const mod = render(createElement(SafetyTabs, { admin: false }));
    expect(mod).not.toContain('>Matchers<');
    expect(mod).not.toContain('>Notifications<');
    path.value = '/safety';
  });
});
