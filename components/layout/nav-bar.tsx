'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useEffect, useRef, useState } from 'react';
import { InboxLink } from '@/components/notes/inbox-link';
import { SearchBox } from '@/components/search/search-box';
import { navLinksFor } from './nav-links';
import { ThemeToggle } from './theme-toggle';

const MENU_ID = 'main-menu';

/**
 * One set of links for both widths (so the inbox count polls once and ids stay unique): at md+ a bar; below, the
 * same block folds behind a "Menu" button that opens it, closes on Esc or navigation, and hands focus back.
 */
export function NavBar({ email, role }: { email: string; role: string; isAdmin?: boolean }) {
  const pathname = usePathname() ?? '';
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('a, button, input')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const links = navLinksFor(role);
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`) || (href === '/queue' && pathname.startsWith('/reports/'));
  const linkClass = (active: boolean) =>
    `block rounded-md px-2.5 py-1.5 text-sm md:px-2 ${active ? 'bg-selected font-medium text-accent' : 'text-muted hover:bg-subtle hover:text-ink'}`;

  return (
    <header className="border-b border-line bg-surface">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-1 gap-y-2 px-4 py-2">
        <Link href="/queue" className="mr-4 font-semibold tracking-tight">Fedimod</Link>
        <button
          ref={button}
          type="button"
          className="ml-auto rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-subtle md:hidden"
          aria-expanded={open}
          aria-controls={MENU_ID}
          onClick={() => setOpen((o) => !o)}
          data-testid="nav-menu-button"
        >
          Menu
        </button>
        <div
          ref={menu}
          id={MENU_ID}
          className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-2 pb-2 md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:gap-1 md:pb-0`}
        >
          <ul className="flex flex-col gap-0.5 md:flex-row md:flex-wrap md:items-center md:gap-1">
            {links.map((l) =>
              l.href === '/inbox' ? (
                <li key={l.href}><InboxLink className={linkClass(isActive(l.href))} /></li>
              ) : (
                <li key={l.href}>
                  <Link href={l.href} aria-current={isActive(l.href) ? 'page' : undefined} className={linkClass(isActive(l.href))}>
                    {l.label}
                  </Link>
                </li>
              ),
            )}
          </ul>
          <div className="flex flex-col gap-2 whitespace-nowrap text-sm text-muted md:ml-auto md:flex-row md:items-center md:gap-2">
            <SearchBox />
            <ThemeToggle />
            <span className="px-2.5 md:px-0">
              <span className="md:hidden 2xl:inline">{email} </span>
              <span className="rounded bg-subtle px-1.5 py-0.5 text-xs text-ink" title={email}>{role}</span>
            </span>
            <button
              type="button"
              onClick={() => void signOut({ redirect: false }).then(() => router.push('/signin'))}
              className="rounded-md px-2.5 py-1.5 text-left hover:bg-subtle hover:text-ink"
            >
              Sign out
            </button>
          </div>
        </div>
      </nav>
    </header>
  );
}
