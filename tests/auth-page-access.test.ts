/**
 * A too-low role opening an admin page is told why (the page renders "This page is for admins" in place, with a
 * 200 since nothing redirects), while a signed-out visitor is still sent to sign in. Drives the real choke point
 * (actorForSession against a real user row); only Next's request scope (session cookie, headers, redirect) is faked.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeUser } from './auth-fixtures';

const state = vi.hoisted(() => ({ session: null as unknown }));
vi.mock('next-auth', async (orig) => ({ ...(await orig<object>()), getServerSession: vi.fn(async () => state.session) }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
// The session row (issue 15) is another test's subject (sessions-*.test.ts); here any session id counts as live.
vi.mock('@/lib/auth/sessions/check-session', () => ({ checkSession: async () => true }));
vi.mock('next/navigation', async (orig) => ({
  ...(await orig<object>()),
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { redirectedTo: to });
  },
}));

// The settings page's client forms need a browser router; stubs keep the server part under test.
vi.mock('@/app/(dashboard)/settings/page-client', () => ({ PasswordForm: () => null, PreferencesForm: () => null, SignOutEverywhere: () => null }));
vi.mock('@/components/settings/matching-settings', () => ({ MatchingSettings: () => 'matching settings' }));

const { checkPageAccess } = await import('@/lib/auth/page-access');
const { requirePageActor } = await import('@/lib/auth/current-actor');
const UsersPage = (await import('@/app/(dashboard)/users/page')).default;
const AuditPage = (await import('@/app/(dashboard)/audit/page')).default;
const NewInstancePage = (await import('@/app/(dashboard)/instances/new/page')).default;
const SettingsPage = (await import('@/app/(dashboard)/settings/page')).default;

const signInAs = (user: { id: string; sessionVersion: number }) => {
  state.session = { user: { id: user.id }, sessionVersion: user.sessionVersion, sessionId: crypto.randomUUID() };
};

beforeEach(() => {
  state.session = null;
});

describe('checkPageAccess', () => {
  it('lets an admin in, and tells a moderator and a viewer which role they lack', async () => {
    await makeUser('owner@example.org', 'owner'); // so sign-in, not setup, is the answer for signed-out visitors
    const admin = await makeUser('admin@example.org', 'admin');
    signInAs(admin);
    expect(await checkPageAccess('admin', '/users')).toMatchObject({ ok: true, actor: { id: admin.id, role: 'admin' } });

    const mod = await makeUser('mod@example.org', 'moderator');
    signInAs(mod);
    expect(await checkPageAccess('admin', '/users')).toMatchObject({ ok: false, need: 'admin', actor: { id: mod.id, role: 'moderator' } });
    expect(await checkPageAccess('moderator', '/queue')).toMatchObject({ ok: true });

    const viewer = await makeUser('viewer@example.org', 'viewer');
    signInAs(viewer);
    expect(await checkPageAccess('moderator')).toMatchObject({ ok: false, need: 'moderator' });
  });

  it('still sends a signed-out visitor (or a dead session) to sign in, with the way back', async () => {
    await expect(checkPageAccess('admin', '/users')).rejects.toMatchObject({ redirectedTo: '/signin?callbackUrl=%2Fusers' });
    const gone = await makeUser('disabled@example.org', 'admin', { disabled: true });
    signInAs(gone);
    await expect(checkPageAccess('admin', '/audit')).rejects.toMatchObject({ redirectedTo: '/signin?callbackUrl=%2Faudit' });
    // The viewer-level helper the layout and other pages use is unchanged.
    await expect(requirePageActor('viewer', '/queue')).rejects.toMatchObject({ redirectedTo: '/signin?callbackUrl=%2Fqueue' });
  });
});

describe('admin pages opened by a moderator', () => {
  it.each([
    ['/users', () => UsersPage()],
    ['/audit', () => AuditPage()],
    ['/instances/new', () => NewInstancePage()],
  ])('%s renders "This page is for admins" with both roles and a way back, and loads nothing else', async (_path, page) => {
    const mod = await makeUser(`mod-${crypto.randomUUID()}@example.org`, 'moderator');
    signInAs(mod);
    const html = renderToStaticMarkup(await page());
    expect(html).toContain('This page is for admins');
    expect(html).toMatch(/Role needed<\/dt><dd[^>]*>admin<\/dd>/);
    expect(html).toMatch(/Your role<\/dt><dd[^>]*>moderator<\/dd>/);
    expect(html).toContain('href="/queue"');
    expect(html).toContain('Ask an admin or the owner');
    // None of the page's own content (and so none of its data) reached the moderator.
    expect(html).not.toMatch(/Invite someone|Audit log|Connect an instance/);
  });
});

describe('the settings page for a moderator', () => {
  it('says which parts are for admins instead of leaving them out silently', async () => {
    const mod = await makeUser(`mod-settings-${crypto.randomUUID()}@example.org`, 'moderator');
    signInAs(mod);
    const html = renderToStaticMarkup(await SettingsPage());
    expect(html).toContain('Case, evidence and NCMEC reporting settings are for admins; your role is moderator.');
    expect(html).toContain('matching settings');
  });
});
