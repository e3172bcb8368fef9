/**
 * The queue row and the bulk parts rendered to HTML (react-dom/server, no browser). The row is an option of a
 * multi-select listbox with nothing interactive inside it (axe nested-interactive found 50 of them before), its
 * bulk selection is aria-selected, and the team's state (thumb, tags, escalation, claim) is on it in words.
 * Playwright's axe run covers the live page.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BulkBar } from '@/components/queue/bulk-bar';
import { BulkConfirm } from '@/components/queue/bulk-confirm';
import { QueueRowItem, type RowHandlers } from '@/components/queue/queue-row';
import { ToastRegion } from '@/components/ui/toast';
import type { QueueRow } from '@/lib/queue/types';

const noop: RowHandlers = { onSelect: () => {}, onOpen: () => {}, onToggle: () => {}, onRange: () => {} };
const row: QueueRow = {
  id: '00000000-0000-4000-8000-000000000001', instance: { id: 'i1', name: 'Alpha <b>Social</b>', kind: 'gotosocial' }, remoteId: 'r1',
  category: 'spam', excerpt: '<img src=x onerror=alert(1)> buy now', target: { acct: 'spammer@evil.example', displayName: 'S', domain: 'evil.example' },
  reporterAcct: 'alice', assigneeAcct: null, mediaCount: 2, statusCount: 1, priority: 10, remoteCreatedAt: new Date().toISOString(), status: 'open',
  match: null, case: null, thumbMediaId: '00000000-0000-4000-8000-0000000000aa', tags: ['phishing', 'spam-wave'],
  escalation: { reason: 'needs a lead', raisedBy: 'ana@example.test' }, claim: { userId: 'u2', label: 'Ana', mine: false },
  kind: 'report', watch: null, hold: null, brigade: null,
};
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
const INTERACTIVE = /<(a|button|input|select|textarea)\b|tabindex=|role="(button|link|checkbox)"/;

describe('a queue row', () => {
  it('is an option with no interactive element inside; the check glyph is a hidden span', () => {
    const out = html(createElement(QueueRowItem, { row, current: true, picked: true, dimmed: false, handlers: noop }));
    expect(out).toMatch(/^<li[^>]*role="option"/);
    expect(out).toContain('aria-selected="true"');
    expect(out).toContain('data-current="true"');
    const inner = out.replace(/^<li[^>]*>/, '');
    expect(inner).not.toMatch(INTERACTIVE);
    expect(out).toMatch(/<span aria-hidden="true" data-check=""/);
  });

  it('a row not picked is aria-selected false; a viewer gets no check glyph', () => {
    expect(html(createElement(QueueRowItem, { row, current: false, picked: false, dimmed: false, handlers: noop }))).toContain('aria-selected="false"');
    expect(html(createElement(QueueRowItem, { row, current: false, picked: false, dimmed: false, selectable: false, handlers: noop }))).not.toContain('data-check');
  });

  it('shows the blurred thumb, tags, the escalation and who is on it, as escaped text', () => {
    const out = html(createElement(QueueRowItem, { row, current: false, picked: false, dimmed: false, gray: true, handlers: noop }));
    expect(out).toContain(`/api/media/${row.thumbMediaId}/preview?gray=1`);
    expect(out).toContain('>phishing<');
    expect(out).toContain('>spam-wave<');
    expect(out).toContain('data-testid="row-escalated"');
    expect(out).toContain('Escalated by ana@example.test: needs a lead');
    expect(out).toMatch(/data-testid="row-claim" data-mine="false"[^>]*>Ana is on it</);
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('<b>Social</b>');
    const mine = html(createElement(QueueRowItem, { row: { ...row, claim: { userId: 'u1', label: 'Me', mine: true } }, current: false, picked: false, dimmed: false, handlers: noop }));
    expect(mine).toContain('You are on it');
  });

  it('uses theme tokens only (dark mode): no white, black or hex colours', () => {
    const out = html(createElement(QueueRowItem, { row, current: true, picked: false, dimmed: false, handlers: noop }))
      + html(createElement(BulkBar, { count: 3, busy: false, onResolve: () => {}, onAssign: () => {}, onTag: async () => true, onClear: () => {} }))
      + html(createElement(ToastRegion, { toasts: [{ id: 1, text: 'Resolved', action: { label: 'Undo', onClick: () => {} } }], onDismiss: () => {} }));
    expect(out).not.toMatch(/bg-white|text-black|text-white|#[0-9a-f]{3,6}\b/i);
  });
});

describe('bulk bar, confirmation and toasts', () => {
  it('the bar names the count and offers resolve, assign, tag and clear; nothing without a selection', () => {
    const out = html(createElement(BulkBar, { count: 3, busy: false, onResolve: () => {}, onAssign: () => {}, onTag: async () => true, onClear: () => {} }));
    expect(out).toContain('3 selected:');
    for (const label of ['Resolve', 'Assign to me', 'Tag…', 'Clear']) expect(out).toContain(`>${label}`);
    expect(html(createElement(BulkBar, { count: 0, busy: false, onResolve: () => {}, onAssign: () => {}, onTag: async () => true, onClear: () => {} }))).toBe('');
  });

  it('the confirmation says the server cannot reopen, for one report and for a selection', () => {
    const one = html(createElement(BulkConfirm, { open: true, total: 1, cannotReopen: 1, servers: ['gotosocial'], onConfirm: () => {}, onCancel: () => {} }));
    expect(one).toContain('This server (gotosocial) cannot reopen a report. Resolve?');
    const many = html(createElement(BulkConfirm, { open: true, total: 3, cannotReopen: 2, servers: ['gotosocial', 'misskey'], onConfirm: () => {}, onCancel: () => {} }));
    expect(many).toContain('2 of the 3 reports are on servers that cannot reopen a report (gotosocial, misskey). Resolve all 3?');
  });

  it('toasts live in one polite status region, with the Undo as a real button', () => {
    const out = html(createElement(ToastRegion, { toasts: [{ id: 1, text: 'Resolved report against x', action: { label: 'Undo', onClick: () => {} } }], onDismiss: () => {} }));
    expect(out).toMatch(/role="status" aria-live="polite"/);
    expect(out).toMatch(/<button type="button"[^>]*>Undo<\/button>/);
    expect(out).toContain('aria-label="Dismiss"');
    expect(html(createElement(ToastRegion, { toasts: [], onDismiss: () => {} }))).toContain('role="status"');
  });
});
