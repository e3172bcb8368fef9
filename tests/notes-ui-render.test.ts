/**
 * The team parts rendered to HTML (react-dom/server, data seeded in the query cache): notes are escaped text with
 * a labelled note box for writers only, tags are chips with named remove buttons, the escalation shows who and
 * why with Settle for admins only, the inbox link's count is in its accessible name, and no hard-coded colours.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({ usePathname: () => '/queue', useRouter: () => ({ push: () => undefined }) }));
const { TeamNotes } = await import('@/components/notes/team-notes');
const { InboxLink } = await import('@/components/notes/inbox-link');
const { SubjectTags } = await import('@/components/tags/subject-tags');
const { EscalateControl } = await import('@/components/escalations/escalate-control');
const { InboxClient } = await import('@/app/(dashboard)/inbox/page-client');

const R = '11111111-1111-4111-8111-111111111111';
const esc = { id: 'e1', subjectType: 'report', subjectKey: R, href: `/reports/${R}`, reason: 'needs a <lead>', raisedByLabel: 'mo@team.example', assigneeId: null, assigneeLabel: null, createdAt: '2026-01-01T00:00:00.000Z', resolvedAt: null, resolvedByLabel: null, resolution: null };

function render(el: ReactElement, seed: (c: QueryClient) => void = () => {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  seed(client);
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, el));
}
const noHardColours = (html: string) => expect(html).not.toMatch(/bg-white|text-white|text-black|#[0-9a-f]{3,6}\b/i);

describe('TeamNotes', () => {
  it('shows notes as escaped text and a labelled box for writers only', () => {
    const seed = (c: QueryClient) => c.setQueryData(['team-notes', 'report', R], [{ id: 'n1', authorLabel: 'ana@team.example', body: '<img src=x onerror=alert(1)> @bo', createdAt: '2026-01-01T00:00:00.000Z' }]);
    const out = render(createElement(TeamNotes, { subjectType: 'report', subjectKey: R, canWrite: true }), seed);
    expect(out).toContain('data-testid="team-notes"');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; @bo');
    expect(out).not.toContain('<img');
    expect(out).toMatch(/<label[^>]*><span[^>]*>New note<\/span>.*<textarea/);
    expect(out).toContain('aria-autocomplete="list"');
    expect(out).toContain('never sent to the server');
    noHardColours(out);
    const ro = render(createElement(TeamNotes, { subjectType: 'report', subjectKey: R, canWrite: false }), seed);
    expect(ro).not.toContain('<textarea');
  });
});

describe('SubjectTags', () => {
  it('renders chips with named remove buttons (none for readers) and a suggestions list', () => {
    const seed = (c: QueryClient) => { c.setQueryData(['subject-tags', 'report', R], ['spam', 'wave 3']); c.setQueryData(['known-tags'], [{ tag: 'spam', count: 3 }, { tag: 'urgent', count: 1 }]); };
    const out = render(createElement(SubjectTags, { subjectType: 'report', subjectKey: R, canEdit: true }), seed);
    expect(out).toContain('data-testid="subject-tags"');
    expect(out).toContain('aria-label="Remove tag wave 3"');
    expect(out).toMatch(/<datalist[^>]*><option value="urgent">/);
    expect(out).not.toMatch(/<button[^>]*>[^<]*<button/);
    noHardColours(out);
    const ro = render(createElement(SubjectTags, { subjectType: 'report', subjectKey: R, canEdit: false }), seed);
    expect(ro).not.toContain('Remove tag');
    expect(ro).not.toContain('<input');
  });
});

describe('EscalateControl', () => {
  it('offers the button when nothing is open, shows who and why when open, Settle only for admins', () => {
    const none = render(createElement(EscalateControl, { subjectType: 'report', subjectKey: R, canRaise: true }), (c) => c.setQueryData(['escalations', 'report', R], { escalations: [], canSettle: false }));
    expect(none).toContain('data-testid="escalation"');
    expect(none).toContain('>Escalate to an admin</button>');
    const open = render(createElement(EscalateControl, { subjectType: 'report', subjectKey: R, canRaise: true }), (c) => c.setQueryData(['escalations', 'report', R], { escalations: [esc], canSettle: false }));
    expect(open).toContain('Escalated by mo@team.example');
    expect(open).toContain('needs a &lt;lead&gt;');
    expect(open).not.toContain('Settle</button>');
    const admin = render(createElement(EscalateControl, { subjectType: 'report', subjectKey: R, canRaise: false }), (c) => c.setQueryData(['escalations', 'report', R], { escalations: [esc], canSettle: true }));
    expect(admin).toContain('Settle</button>');
    expect(admin).toMatch(/<span[^>]*>What was decided<\/span><input/);
    noHardColours(open + admin + none);
  });
});

describe('InboxLink and the inbox', () => {
  it('puts the count in the accessible name', () => {
    const out = render(createElement(InboxLink), (c) => c.setQueryData(['inbox'], { mentions: [], escalations: [], unseenCount: 2, openEscalationCount: 1 }));
    expect(out).toContain('href="/inbox"');
    expect(out).toContain('aria-label="Inbox, 3 new"');
    expect(out).toMatch(/data-testid="inbox-count" data-count="3"[^>]*>3</);
    expect(render(createElement(InboxLink))).toContain('aria-label="Inbox, nothing new"');
  });

  it('lists mentions with links and Mark seen, and escalations with Settle for admins', () => {
    const initial = {
      mentions: [{ id: 'm1', noteKind: 'team', subjectType: 'account', subjectKey: 'x@bad.example', href: '/accounts/x%40bad.example', authorLabel: 'ana@team.example', excerpt: '@me look <b>here</b>', createdAt: '2026-01-01T00:00:00.000Z' }],
      unseenCount: 1, escalations: [esc], openEscalationCount: 1,
    };
    const out = render(createElement(InboxClient, { initial, isAdmin: true }));
    expect(out).toContain('href="/accounts/x%40bad.example"');
    expect(out).toContain('@me look &lt;b&gt;here&lt;/b&gt;');
    expect(out).toContain('>Mark seen</button>');
    expect(out).toContain('>Mark all seen</button>');
    expect(out).toContain(`href="/reports/${R}"`);
    expect(out).toContain('Settle</button>');
    noHardColours(out);
    const mod = render(createElement(InboxClient, { initial: { ...initial, escalations: [], openEscalationCount: 0 }, isAdmin: false }));
    expect(mod).not.toContain('Open escalations');
  });
});
