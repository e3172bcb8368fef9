/**
 * The blocklist pages' client components rendered to HTML (react-dom/server, no browser): the test ids the e2e
 * specs use, a label on every control, no interactive element inside another, theme tokens only, remote text
 * escaped, the Apply button disabled with a reason for actors without federation access, and the pure selection
 * that the confirmation repeats.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationDetailView, ApplicationView, FetchView, PreviewView, SourceDetailView, SourceView } from '@/lib/blocklists/types';
import type { UserView } from '@/lib/users/user-view';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined }), usePathname: () => '/blocklists' }));

const { AddSourceForm } = await import('@/components/blocklists/add-source-form');
const { AllowCard } = await import('@/components/blocklists/allow-card');
const { ApplicationChanges } = await import('@/components/blocklists/application-changes');
const { ApplicationsTable } = await import('@/components/blocklists/applications-table');
const { BlocklistsTabs } = await import('@/components/blocklists/blocklists-tabs');
const { FederationAccessToggle } = await import('@/components/blocklists/federation-access-toggle');
const { FetchHistory } = await import('@/components/blocklists/fetch-history');
const { PolicyCard } = await import('@/components/blocklists/policy-card');
const { PreviewPanel } = await import('@/components/blocklists/preview-panel');
const { PublishCard } = await import('@/components/blocklists/publish-card');
const { SourceEntries } = await import('@/components/blocklists/source-entries');
const { SourceSettings } = await import('@/components/blocklists/source-settings');
const { SourcesTable } = await import('@/components/blocklists/sources-table');
const { applyBlockedReason, plannedApply } = await import('@/components/blocklists/preview-selection');

const render = (el: ReactElement) => renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, el));

const INTERACTIVE = new Set(['a', 'button', 'input', 'select', 'textarea', 'summary', 'details']);
const VOID = new Set(['input', 'br', 'img', 'hr', 'meta', 'link', 'col', 'wbr']);

/** Walks the static markup: no interactive element inside another (details/summary is the one allowed pair). */
function nestedInteractive(html: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>/g)) {
    const [, close, tag, attrs] = m;
    if (close) { stack.splice(stack.lastIndexOf(tag), stack.length); continue; }
    const interactive = INTERACTIVE.has(tag) || /\btabindex="0"/.test(attrs);
    if (interactive) {
      const outer = [...stack].reverse().find((t) => t.startsWith('!'));
      const ok = !outer || (outer === '!details' && tag === 'summary') || (outer === '!details' && !['details'].includes(tag)) || outer === '!div-region';
      if (!ok) problems.push(`<${tag}> inside <${outer.slice(1)}>`);
    }
    if (!VOID.has(tag) && !attrs.endsWith('/')) {
      // A scrollable region (tabindex=0 div) may hold links and buttons: it is a focus stop for scrolling only.
      stack.push(interactive ? (tag === 'div' || tag === 'section' ? '!div-region' : `!${tag}`) : tag);
    }
  }
  return problems;
}

/** Every input/select/textarea has a name: inside a <label>, or aria-label(ledby), or a hidden/readonly-labelled one. */
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

function assertAccessible(html: string) {
  expect(nestedInteractive(html)).toEqual([]);
  expect(unlabelled(html)).toEqual([]);
  expect(html).not.toMatch(/bg-white|text-black|text-white|#[0-9a-f]{6}\b|#[0-9a-f]{3}\b(?![0-9a-z-])/i);
  expect(html).not.toContain('<script');
}

const source = (over: Partial<SourceView> = {}): SourceView => ({
  id: '00000000-0000-4000-8000-000000000001', name: 'Oliphant tier 0', url: 'https://lists.example/tier0.csv', format: 'auto', trusted: true, enabled: true,
  allowPrivate: false, refreshMinutes: 360, lastFetchedAt: '2026-12-02T10:00:00.000Z', lastOkAt: '2026-12-02T10:00:00.000Z', lastError: null,
  entryCount: 1234, badLineCount: 2, unresolvedCount: 1, ...over,
});
const fetchRow = (over: Partial<FetchView> = {}): FetchView => ({
  id: 'f1', at: '2026-12-02T10:00:00.000Z', ok: true, httpStatus: 200, error: null, notModified: false, format: 'mastodon_csv', entryCount: 3, badLineCount: 1,
  badLines: [{ line: 4, text: 'not a <b>domain</b>', error: 'not a domain name' }], unresolved: [{ line: 7, pattern: 'ex*mple.com' }],
  addedCount: 2, removedCount: 1, changedCount: 0, added: ['a.example', 'b.example'], removed: ['c.example'], changed: [], ...over,
});

const PREVIEW: PreviewView = {
  generatedAt: '2026-12-02T10:00:00.000Z', digest: 'd1', policy: { threshold: 2, severity: 'max', autoRetract: false },
  merged: { total: 3, suspend: 2, silence: 1, noop: 0 }, excluded: [{ domain: 'friends.example', reason: 'allowlist', sourceIds: ['s1'] }], excludedCount: 1,
  sources: [{ id: 's1', name: 'List <One>' }, { id: 's2', name: 'List Two' }],
  instances: [
    {
      instanceId: 'i1', name: 'Mastodon One', kind: 'mastodon', supported: true, note: 'Suspend, limit or reject media.', blocksReadAt: '2026-12-02T09:59:00.000Z', blocksError: null, truncated: false,
      lines: [
        { domain: 'bad.example', op: 'add', before: null, after: { severity: 'suspend', rejectMedia: true, rejectReports: true, publicComment: 'spam', obfuscate: false }, sourceIds: ['s1', 's2'] },
        { domain: 'gone.example', op: 'remove', before: { domain: 'gone.example', severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false, origin: 'list', sourceIds: ['s1'] }, after: null, sourceIds: ['s1'], note: 'no source lists it any more' },
        { domain: 'hand.example', op: 'kept_hand', before: { domain: 'hand.example', severity: 'silence', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false, origin: 'hand', sourceIds: [] }, after: null, sourceIds: ['s2'], note: 'blocked by hand here; left as it is' },
      ],
      counts: { add: 1, raise: 0, lower: 0, update: 0, remove: 1, unsupported: 0, kept_hand: 1 },
    },
    {
      instanceId: 'i2', name: 'Lemmy <Two>', kind: 'lemmy', supported: true, note: 'Full blocks only.', blocksReadAt: null, blocksError: 'timed out', truncated: true,
      lines: [{ domain: 'bad.example', op: 'add', before: null, after: { severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false }, sourceIds: ['s1'] }],
      counts: { add: 700, raise: 0, lower: 0, update: 0, remove: 0, unsupported: 3, kept_hand: 0 },
    },
    { instanceId: 'i3', name: 'Akkoma Three', kind: 'akkoma', supported: false, note: 'Akkoma blocks domains through MRF SimplePolicy configuration.', blocksReadAt: null, blocksError: null, truncated: false, lines: [], counts: { add: 0, raise: 0, lower: 0, update: 0, remove: 0, unsupported: 0, kept_hand: 0 } },
  ],
  canApply: true,
};

describe('sources page', () => {
  it('lists each source with its name, counts and state, and links to its page', () => {
    const html = render(createElement(SourcesTable, { sources: [source(), source({ id: '00000000-0000-4000-8000-000000000002', name: 'Upload <x>', url: null, trusted: false, lastError: 'HTTP 500', badLineCount: 0, unresolvedCount: 0 })] }));
    assertAccessible(html);
    expect(html.split('data-testid="blocklist-source-row"').length - 1).toBe(2);
    expect(html).toContain('Oliphant tier 0');
    expect(html).toContain('1,234');
    expect(html).toContain('2 bad');
    expect(html).toContain('Upload &lt;x&gt;');
    expect(html).toContain('HTTP 500');
    expect(html).toContain('href="/blocklists/sources/00000000-0000-4000-8000-000000000001"');
  });

  it('the add form has the URL input and submit, and the private-address box only for owners', () => {
    const mod = render(createElement(AddSourceForm, { canAllowPrivate: false }));
    assertAccessible(mod);
    expect(mod).toContain('data-testid="blocklist-add-url"');
    expect(mod).toContain('data-testid="blocklist-add-submit"');
    expect(mod).not.toContain('allow private address');
    expect(render(createElement(AddSourceForm, { canAllowPrivate: true }))).toContain('Local test server (allow private address)');
  });

  it('policy: admins get the form, others read the same rule', () => {
    const policy = { threshold: 3, severity: 'agreed' as const, autoRetract: true };
    const edit = render(createElement(PolicyCard, { policy, canEdit: true }));
    assertAccessible(edit);
    expect(/<input[^>]*data-testid="blocklist-policy-threshold"[^>]*>/.exec(edit)?.[0]).toContain('value="3"');
    expect(edit).toContain('data-testid="blocklist-policy-save"');
    const read = render(createElement(PolicyCard, { policy, canEdit: false }));
    expect(read).not.toContain('<input');
    expect(read).toContain('3 (or one trusted)');
  });

  it('allowlist: moderators add and remove, viewers read', () => {
    const allow = [{ domain: 'friends.example', comment: 'our <friends>', createdAt: '2026-12-01T00:00:00.000Z' }];
    const edit = render(createElement(AllowCard, { allow, canEdit: true }));
    assertAccessible(edit);
    expect(edit).toContain('data-testid="blocklist-allow-input"');
    expect(edit).toContain('aria-label="Remove friends.example from the allowlist"');
    expect(edit).toContain('our &lt;friends&gt;');
    const read = render(createElement(AllowCard, { allow, canEdit: false }));
    expect(read).not.toContain('blocklist-allow-input');
    expect(read).not.toContain('<button');
  });

  it('publish: admins switch it and copy the URL; others see only whether it is on', () => {
    const pub = { enabled: true, public: false, url: 'https://mod.example/api/blocklists/published.csv?token=abc' };
    const admin = render(createElement(PublishCard, { publish: pub, canEdit: true }));
    assertAccessible(admin);
    expect(/<input[^>]*data-testid="blocklist-publish-url"[^>]*>/.exec(admin)?.[0]).toContain('readOnly');
    expect(admin).toContain('Copy URL');
    expect(admin).toContain('Rotate token');
    const viewer = render(createElement(PublishCard, { publish: { enabled: true, public: false, url: null }, canEdit: false }));
    expect(viewer).toContain('Published, with a token.');
    expect(viewer).not.toContain('blocklist-publish-url');
  });

  it('the local nav marks the current page', () => {
    const html = render(createElement(BlocklistsTabs, { current: '/blocklists/preview' }));
    expect(html).toMatch(/<a[^>]*aria-current="page"[^>]*>Preview &amp; apply<\/a>|href="\/blocklists\/preview"[^>]*aria-current="page"/);
  });
});

describe('source page', () => {
  const detail: SourceDetailView = { ...source(), fetches: [fetchRow(), fetchRow({ id: 'f0', ok: false, httpStatus: 500, error: 'The list host answered 500.', badLineCount: 0, badLines: [], unresolved: [], addedCount: 0, removedCount: 0, added: [], removed: [] })],
    entries: [{ domain: 'bad.example', severity: 'suspend', rejectMedia: true, rejectReports: false, publicComment: '<img src=x onerror=alert(1)>', wildcard: true, obfuscatedAs: null }] };

  it('shows settings for moderators, fetch history with bad lines and unresolved entries, and the entries escaped', () => {
    const settings = render(createElement(SourceSettings, { source: detail, canEdit: true }));
    assertAccessible(settings);
    expect(settings).toContain('data-testid="blocklist-fetch-now"');
    expect(settings).toContain('Remove source');
    const history = render(createElement(FetchHistory, { fetches: detail.fetches }));
    assertAccessible(history);
    expect(history).toContain('line 4:');
    expect(history).toContain('not a &lt;b&gt;domain&lt;/b&gt;');
    expect(history).toContain('ex*mple.com');
    expect(history).toContain('Failed (500)');
    expect(history).toContain('+2 −1 ~0');
    const entries = render(createElement(SourceEntries, { entries: detail.entries, total: 1 }));
    assertAccessible(entries);
    expect(entries).toContain('*.bad.example');
    expect(entries).not.toContain('<img');
  });

  it('viewers get no form', () => {
    expect(render(createElement(SourceSettings, { source: detail, canEdit: false }))).not.toContain('<form');
  });
});

describe('preview', () => {
  it('one card per supported instance, one row per line with domain and op, unsupported folded, sources by name', () => {
    const html = render(createElement(PreviewPanel, { preview: PREVIEW, canSync: true }));
    assertAccessible(html);
    expect(html.split('data-testid="blocklist-preview-instance"').length - 1).toBe(2);
    expect(html).toContain('data-instance-name="Mastodon One"');
    expect(html).toContain('data-instance-name="Lemmy &lt;Two&gt;"');
    expect(html.split('data-testid="blocklist-preview-line"').length - 1).toBe(4);
    expect(html).toMatch(/data-testid="blocklist-preview-line" data-domain="gone.example" data-op="remove"/);
    expect(html).toMatch(/data-domain="hand.example" data-op="kept_hand"/);
    expect(html).toContain('blocked by hand here; left as it is');
    expect(html).toContain('List &lt;One&gt;, List Two');
    expect(html).toMatch(/data-testid="blocklist-preview-unsupported" data-instance-name="Akkoma Three"/);
    expect(html).toContain('MRF SimplePolicy');
    expect(html).toContain('Last read failed: timed out');
    expect(html).toContain('Only the first 500 lines are listed');
    expect(html).toContain('data-testid="blocklist-blocks-sync"');
    const apply = /<button[^>]*data-testid="blocklist-apply"[^>]*>.*?<\/button>/.exec(html)?.[0] ?? '';
    expect(apply).not.toContain('disabled=""');
    expect(apply).toContain('Apply to 2 instances');
    expect(html).toContain('data-testid="blocklist-apply-confirm"');
    // The confirmation repeats the complete counts (Lemmy's 700 though only 500 lines are listed).
    expect(html).toContain('add 1, remove 1');
    expect(html).toContain('add 700');
  });

  it('without federation access: no checkboxes per instance, and Apply disabled with the reason', () => {
    const html = render(createElement(PreviewPanel, { preview: { ...PREVIEW, canApply: false }, canSync: false }));
    assertAccessible(html);
    expect(html).not.toContain('aria-label="Apply to Mastodon One"');
    expect(/<button[^>]*data-testid="blocklist-apply"[^>]*>/.exec(html)?.[0]).toContain('disabled=""');
    expect(html).toContain('Applying needs federation access');
    expect(html).not.toContain('blocklist-blocks-sync');
  });

  it('plannedApply counts only chosen instances and ops, and says why nothing can be sent', () => {
    const all = new Set(['add', 'raise', 'lower', 'update', 'remove'] as const);
    expect(plannedApply(PREVIEW, new Set(['i1', 'i2', 'i3']), all).map((p) => [p.name, p.total])).toEqual([['Mastodon One', 2], ['Lemmy <Two>', 700]]);
    expect(plannedApply(PREVIEW, new Set(['i1']), new Set(['remove'] as const)).map((p) => p.counts)).toEqual([{ add: 0, raise: 0, lower: 0, update: 0, remove: 1 }]);
    const none = plannedApply(PREVIEW, new Set(['i2']), new Set(['remove'] as const));
    expect(none).toEqual([]);
    expect(applyBlockedReason(PREVIEW, none, new Set(['remove'] as const))).toMatch(/Nothing to send/);
    expect(applyBlockedReason(PREVIEW, none, new Set())).toMatch(/at least one kind/);
  });
});

describe('history', () => {
  const app = (over: Partial<ApplicationView> = {}): ApplicationView => ({
    id: 'a1', kind: 'apply', createdAt: '2026-12-02T10:00:00.000Z', requestedBy: 'mod@example.test', undoOfId: null, undoneAt: null, canUndo: true, state: 'done',
    summary: { instances: 2, add: 3, raise: 0, lower: 0, update: 0, remove: 1 }, counts: { queued: 0, done: 4, failed: 0 }, ...over,
  });

  it('rows with state and counts, Undo only on the undoable one and only with federation access', () => {
    const apps = [app(), app({ id: 'a0', canUndo: false, state: 'partial', counts: { queued: 0, done: 3, failed: 1 } })];
    const html = render(createElement(ApplicationsTable, { applications: apps, canUndo: true }));
    assertAccessible(html);
    expect(html.split('data-testid="blocklist-application-row"').length - 1).toBe(2);
    expect(html.split('data-testid="blocklist-undo"').length - 1).toBe(1);
    expect(html).toContain('data-testid="blocklist-undo-confirm"');
    expect(html).toContain('add 3, remove 1 on 2 instances');
    expect(html).toContain('Partly failed');
    expect(render(createElement(ApplicationsTable, { applications: apps, canUndo: false }))).not.toContain('data-testid="blocklist-undo"');
  });

  it('the detail lists failed changes first with the server error', () => {
    const changes: ApplicationDetailView['changes'] = [
      { id: 'c1', instanceId: 'i1', instanceName: 'Mastodon One', domain: 'ok.example', op: 'add', before: null, after: { severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false }, sourceIds: [], state: 'done', error: null },
      { id: 'c2', instanceId: 'i1', instanceName: 'Mastodon One', domain: 'refused.example', op: 'add', before: null, after: { severity: 'silence', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false }, sourceIds: [], state: 'failed', error: 'Validation failed: <b>nope</b>' },
    ];
    const html = render(createElement(ApplicationChanges, { changes }));
    assertAccessible(html);
    expect(html.indexOf('refused.example')).toBeLessThan(html.indexOf('ok.example'));
    expect(html).toContain('Validation failed: &lt;b&gt;nope&lt;/b&gt;');
  });
});

describe('users page', () => {
  const user = (over: Partial<UserView>): UserView => ({
    id: 'u1', email: 'mod@example.test', name: '', pseudonym: 'quiet-heron', role: 'moderator', disabled: false, lastSignInAt: null, createdAt: '2026-12-01T00:00:00.000Z',
    instanceIds: null, evidenceAccess: false, filingAccess: false, federationAccess: true, ...over,
  });
  it('a checkbox for moderators, words for the roles that have it or cannot', () => {
    const mod = render(createElement(FederationAccessToggle, { user: user({}), editable: true }));
    assertAccessible(mod);
    expect(/<input[^>]*data-testid="user-federation-access"[^>]*>/.exec(mod)?.[0]).toContain('checked');
    expect(mod).toContain('Federation access<span class="sr-only"> for mod@example.test</span>');
    expect(render(createElement(FederationAccessToggle, { user: user({ role: 'admin' }), editable: true }))).toContain('always (by role)');
    expect(render(createElement(FederationAccessToggle, { user: user({ role: 'viewer' }), editable: true }))).toContain('not for viewers');
  });
});
