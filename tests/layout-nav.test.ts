/**
 * Issue 12 point 6: the navigation at 390 px (a "Menu" button that controls the links) and at md+ (the same links
 * as a bar), rendered with react-dom/server; the root layout's theme class and its head script, run against a
 * stand-in document. Next's router, next-auth and the two feature widgets are stubbed: their own tests cover them.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock('next/navigation', () => ({ usePathname: () => '/reports/abc', useRouter: () => ({ push: () => undefined }) }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: (name: string) => (name === 'theme' && cookie.value ? { name, value: cookie.value } : undefined) }) }));
vi.mock('next-auth/react', () => ({ signOut: async () => undefined }));
vi.mock('@/components/notes/inbox-link', () => ({ InboxLink: () => createElement('a', { href: '/inbox', 'data-testid': 'inbox-link' }, 'Inbox') }));
vi.mock('@/components/search/search-box', () => ({ SearchBox: () => createElement('input', { 'aria-label': 'Search', 'data-testid': 'search-box' }) }));

const { NavBar } = await import('@/components/layout/nav-bar');
const { navLinksFor } = await import('@/components/layout/nav-links');
const { THEME_SCRIPT, themeFromCookie } = await import('@/components/layout/theme');
const RootLayout = (await import('@/app/layout')).default;

const nav = (role: string) => renderToString(createElement(NavBar, { email: 'ana@example.test', role }));

describe('main navigation', () => {
  it('has a Menu button that controls the folded links, closed at first', () => {
    const html = nav('moderator');
    const button = /<button[^>]*data-testid="nav-menu-button"[^>]*>Menu<\/button>/.exec(html)?.[0] ?? '';
    expect(button).toContain('aria-expanded="false"');
    expect(button).toContain('aria-controls="main-menu"');
    expect(button).toContain('md:hidden');
    // The controlled block exists, hidden on a phone until opened and always shown at md+.
    expect(html).toMatch(/id="main-menu" class="hidden [^"]*md:flex/);
  });

  it('holds the links, the inbox link and the search box, with the queue current on a report page', () => {
    const html = nav('moderator');
    for (const label of ['Queue', 'Cases', 'Instances', 'Hash banks', 'Settings', 'Sign out', 'Dark mode']) expect(html).toContain(`>${label}<`);
    expect(html).toContain('data-testid="inbox-link"');
    expect(html).toContain('data-testid="search-box"');
    expect(html).toMatch(/<a[^>]*aria-current="page"[^>]*href="\/queue"|<a[^>]*href="\/queue"[^>]*aria-current="page"/);
    expect(html).not.toContain('>Users<');
    expect(html).not.toContain('>Team<');
    expect(html).toMatch(/<button[^>]*aria-pressed="false"[^>]*>Dark mode<\/button>/);
    expect(html).not.toMatch(/bg-white|text-white|#[0-9a-f]{6}/i);
  });

  it('shows each role only its links', () => {
    const hrefs = (role: string) => navLinksFor(role).map((l) => l.href);
    expect(hrefs('viewer')).toEqual(['/queue', '/cases', '/inbox', '/instances', '/blocklists', '/settings']);
    expect(hrefs('moderator')).toContain('/banks');
    expect(hrefs('moderator')).toContain('/safety');
    expect(hrefs('admin')).toEqual(['/queue', '/cases', '/inbox', '/instances', '/banks', '/blocklists', '/safety', '/team', '/users', '/audit', '/settings']);
    expect(hrefs('owner')).toEqual(hrefs('admin'));
    expect(hrefs('nobody')).toEqual([]);
    expect(nav('admin')).toContain('>Team<');
  });
});

describe('theme in the root layout', () => {
  const render = async () => renderToString(await RootLayout({ children: createElement('p', null, 'page') }));

  it('renders dark from the cookie without waiting for a script', async () => {
    cookie.value = 'dark';
    const html = await render();
    expect(html).toMatch(/<html[^>]*class="dark"/);
    expect(html).toContain('data-theme="dark"');
  });

  it('falls back to following the system for a missing or junk cookie', async () => {
    for (const value of [undefined, 'purple', '"><script>']) {
      cookie.value = value;
      const html = await render();
      expect(html).toContain('data-theme="system"');
      expect(html).not.toMatch(/<html[^>]*class=/);
      expect(html).toContain(THEME_SCRIPT.slice(0, 30));
    }
    expect(themeFromCookie('light')).toBe('light');
  });

  /** Runs the head script against a stand-in <html> and matchMedia, then flips the system setting. */
  function runScript(dataTheme: string, systemDark: boolean) {
    const classes = new Set<string>();
    const listeners: (() => void)[] = [];
    const media = { matches: systemDark, addEventListener: (_: string, fn: () => void) => listeners.push(fn) };
    const document = { documentElement: { getAttribute: () => dataTheme, classList: { toggle: (c: string, on: boolean) => (on ? classes.add(c) : classes.delete(c)) } } };
    new Function('document', 'window', THEME_SCRIPT)(document, { matchMedia: () => media });
    const flip = (dark: boolean) => {
      media.matches = dark;
      listeners.forEach((fn) => fn());
    };
    return { dark: () => classes.has('dark'), flip };
  }

  it('the head script follows the system for "system", live, and leaves explicit choices alone', () => {
    const sys = runScript('system', true);
    expect(sys.dark()).toBe(true);
    sys.flip(false);
    expect(sys.dark()).toBe(false);
    const light = runScript('light', true);
    expect(light.dark()).toBe(false);
    light.flip(true);
    expect(light.dark()).toBe(false);
  });
});
