import Link from 'next/link';

const TABS = [
  { href: '/blocklists', label: 'Sources & policy' },
  { href: '/blocklists/preview', label: 'Preview & apply' },
  { href: '/blocklists/history', label: 'History' },
] as const;

/** The three blocklist pages, as a small local nav (links, so each is a real page with its own URL). */
export function BlocklistsTabs({ current }: { current: (typeof TABS)[number]['href'] }) {
  return (
    <nav aria-label="Blocklists" className="mb-4 border-b border-line">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {TABS.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.href === current ? 'page' : undefined}
              className={`inline-block border-b-2 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-accent ${t.href === current ? 'border-accent font-semibold text-ink' : 'border-transparent text-muted hover:text-ink'}`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
