'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';

const RANK: Record<string, number> = { viewer: 0, moderator: 1, admin: 2, owner: 3 };

const LINKS: { href: string; label: string; admin?: boolean; minRole?: 'moderator' }[] = [
  { href: '/queue', label: 'Queue' },
  { href: '/cases', label: 'Cases' },
  { href: '/instances', label: 'Instances' },
  { href: '/banks', label: 'Hash banks', minRole: 'moderator' },
  { href: '/users', label: 'Users', admin: true },
  { href: '/audit', label: 'Audit log', admin: true },
  { href: '/settings', label: 'Settings' },
];

export function NavBar({ email, role, isAdmin }: { email: string; role: string; isAdmin: boolean }) {
  const pathname = usePathname();
  const router = useRouter();
  return (
    <header className="border-b border-line bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-1 overflow-x-auto whitespace-nowrap px-4 py-2">
        <Link href="/queue" className="mr-4 font-semibold tracking-tight">Fedimod</Link>
        {LINKS.filter((l) => (!l.admin || isAdmin) && (!l.minRole || (RANK[role] ?? -1) >= RANK[l.minRole])).map((l) => {
          const active = pathname === l.href || pathname.startsWith(`${l.href}/`) || (l.href === '/queue' && pathname.startsWith('/reports/'));
          return (
            <Link
              key={l.href}
              href={l.href}
              aria-current={active ? 'page' : undefined}
              className={`rounded-md px-2.5 py-1.5 text-sm ${active ? 'bg-[#e2ebf4] font-medium text-accent' : 'text-muted hover:bg-[#eceeef] hover:text-ink'}`}
            >
              {l.label}
            </Link>
          );
        })}
        <div className="ml-auto flex items-center gap-3 text-sm text-muted">
          {/* On a phone the links scroll sideways and the address gives way; the role stays visible. */}
          <span>
            <span className="hidden md:inline">{email} </span><span className="rounded bg-[#eceeef] px-1.5 py-0.5 text-xs" title={email}>{role}</span>
          </span>
          <button type="button" onClick={() => void signOut({ redirect: false }).then(() => router.push('/signin'))} className="rounded-md px-2 py-1 hover:bg-[#eceeef] hover:text-ink">
            Sign out
          </button>
        </div>
      </nav>
    </header>
  );
}
