/**
 * The audit page's parts rendered to HTML (react-dom/server, no browser): names with links, details as
 * readable fields with the raw JSON behind a toggle, the action filter as a list of known events, and a
 * backwards date range caught before any query. Table and form semantics are checked here too.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AuditTable } from '@/components/audit/audit-table';
import { AuditFilterBar } from '@/components/audit/audit-filter-bar';
import { actionGroups, isCustomAction } from '@/components/audit/action-options';
import { dateRangeError, readUrlFilters } from '@/components/audit/audit-url';
import { detailFields, keyLabel, summarise } from '@/components/audit/detail-fields';
import type { AuditListItem } from '@/lib/audit/audit-item';

const item = (over: Partial<AuditListItem> = {}): AuditListItem => ({
  seq: '41', at: '2026-12-02T07:00:00.000Z', actorType: 'user', actorLabel: 'nia@example.org', action: 'case.opened',
  targetType: 'case', targetId: 'c1', instanceId: 'i1', instanceName: 'Alpha', ip: '203.0.113.7', hash: 'ab'.repeat(32),
  details: { title: 'spam wave', instanceIds: ['a', 'b', 'c', 'd'], bestMatch: { bank: 'b1', distance: 12, extra: { deep: true } }, sealed: false, at: '2026-12-02T07:00:00.000Z' },
  actor: { label: 'Nia', detail: 'nia@example.org', href: '/users' },
  target: { label: 'Case 12', detail: 'spam wave', href: '/cases/c1' },
  ...over,
});
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
const noop = () => {};
const blank = readUrlFilters(new URLSearchParams());

describe('the audit table', () => {
  it('shows actor, target and instance as names with links, keeping the event name as text', () => {
    const out = html(createElement(AuditTable, { items: [item()] }));
    expect(out).toContain('<caption class="sr-only">Audit events, newest first</caption>');
    expect(out.match(/<th scope="col"/g)).toHaveLength(6);
    expect(out).toMatch(/<a[^>]*href="\/users"[^>]*>Nia<\/a>/);
    expect(out).toMatch(/<a[^>]*href="\/cases\/c1"[^>]*>Case 12<\/a>/);
    expect(out).toMatch(/<a[^>]*href="\/instances\/i1"[^>]*>Alpha<\/a>/);
    expect(out).toContain('>case.opened<');
    expect(out).not.toContain('>c1<'); // the uuid is in the raw JSON, not in place of a name
  });

  it('shows details as key: value lines and the raw JSON behind a <details> toggle', () => {
    const out = html(createElement(AuditTable, { items: [item()] }));
    expect(out).toMatch(/<dt[^>]*>Title<\/dt><dd[^>]*>spam wave<\/dd>/);
    expect(out).toMatch(/<dt[^>]*>Instance ids<\/dt><dd[^>]*>a, b, c and 1 more<\/dd>/);
    expect(out).toMatch(/<dt[^>]*>Best match<\/dt><dd[^>]*>bank: b1; distance: 12; extra: 1 field<\/dd>/);
    expect(out).toMatch(/<dt[^>]*>Sealed<\/dt><dd[^>]*>no<\/dd>/);
    expect(out).toMatch(/<dt[^>]*>At<\/dt><dd[^>]*>2026-12-02 07:00 UTC<\/dd>/);
    expect(out).toMatch(/<details><summary[^>]*>Raw JSON<span class="sr-only"> of event 41<\/span><\/summary>/);
    expect(out).toContain('&quot;deep&quot;: true');
  });

  it('marks systems with a badge, a missing target with a dash, and escapes hostile text', () => {
    const out = html(createElement(AuditTable, { items: [item({
      actorType: 'webhook', actorLabel: 'webhook:x', actor: { label: 'webhook:x', detail: null, href: null },
      target: null, details: { note: '<img src=x onerror=alert(1)>' },
    })] }));
    expect(out).toContain('webhook</span>');
    expect(out).toContain('<span class="text-muted">—</span>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says "No details" for an empty object and a gone target without a link', () => {
    const out = html(createElement(AuditTable, { items: [item({ details: {}, target: { label: 'case 1234abcd…', detail: 'no longer exists', href: null } })] }));
    expect(out).toContain('No details');
    expect(out).toContain('<span>case 1234abcd…</span>');
    expect(out).toContain('no longer exists');
  });
});

describe('detail fields', () => {
  it('turns keys into words and values into short text', () => {
    expect(keyLabel('instanceIds')).toBe('Instance ids');
    expect(keyLabel('rematch_run_id')).toBe('Rematch run id');
    expect(summarise(null)).toBe('—');
    expect(summarise('')).toBe('(empty)');
    expect(summarise([])).toBe('none');
    expect(summarise([[1, 2], { a: 1 }])).toBe('2 items, 1 field');
    expect(summarise('x'.repeat(500))).toHaveLength(120);
    expect(detailFields(null)).toEqual([]);
    expect(detailFields('legacy')).toEqual([{ key: 'value', label: 'Value', value: 'legacy' }]);
  });
});

describe('the action filter', () => {
  const actions = ['report.resolve.requested', 'report.received', 'media.reveal', 'auth.sign_in', 'auth.sign_out', 'reports.bulk_import'];

  it('groups known events by family, each family also selectable whole', () => {
    const groups = actionGroups(actions);
    expect(groups.map((g) => [g.family, g.all])).toEqual([['auth', 'auth.'], ['media', null], ['report', 'report.'], ['reports', null]]);
    expect(isCustomAction('report.', groups)).toBe(false);
    expect(isCustomAction('report.resolve', groups)).toBe(true);
    expect(isCustomAction('', groups)).toBe(false);
  });

  it('is a labelled <select> of "All actions" and the known events, and keeps a value from a link visible', () => {
    const out = html(createElement(AuditFilterBar, { value: blank, actions, instances: [], onApply: noop, onClear: noop }));
    expect(out).toMatch(/<label[^>]*><span[^>]*>Action<\/span><select[^>]*name="action"/);
    expect(out).toContain('<option value="" selected="">All actions</option>');
    expect(out).toContain('<optgroup label="report"><option value="report.">every report event</option><option value="report.received">report.received</option>');
    expect(out).not.toContain('<datalist');
    const linked = html(createElement(AuditFilterBar, { value: { ...blank, action: 'report.resolve' }, actions, instances: [], onApply: noop, onClear: noop }));
    expect(linked).toContain('<option value="report.resolve" selected="">report.resolve (from the link)</option>');
  });
});

describe('the date range', () => {
  it('is checked before any query: a backwards range is an error, one day or an open end is not', () => {
    expect(dateRangeError({ from: '2026-03-10', to: '2026-03-01' })).toContain('"From" (2026-03-10) is after "To" (2026-03-01)');
    expect(dateRangeError({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
    expect(dateRangeError({ from: '2026-03-01', to: '' })).toBeNull();
  });

  it('a backwards range from a link shows the message next to the dates, which are marked invalid', () => {
    const out = html(createElement(AuditFilterBar, { value: { ...blank, from: '2026-03-10', to: '2026-03-01' }, actions: [], instances: [], onApply: noop, onClear: noop }));
    expect(out).toMatch(/<p id="audit-range-error" role="alert"[^>]*>&quot;From&quot; \(2026-03-10\) is after/);
    expect(out.match(/aria-invalid="true" aria-describedby="audit-range-error"/g)).toHaveLength(2);
    const fine = html(createElement(AuditFilterBar, { value: blank, actions: [], instances: [], onApply: noop, onClear: noop }));
    expect(fine).not.toContain('aria-invalid');
  });
});
