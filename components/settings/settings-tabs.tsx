/** The personal settings pages: general, security (factors, sessions, password), own exposure. */
import Link from 'next/link';

const TABS = [
  { href: '/settings', label: 'General' },
  { href: '/settings/security', label: 'Security' },
  { href: '/settings/exposure', label: 'My exposure' },
] as const;

export function SettingsTabs({ current }: { current: (typeof TABS)[number]['href'] }) {
  return <SubNav label="Settings sections" tabs={TABS} current={current} />;
}

/** A row of links naming sibling pages; the current one is marked for screen readers and by an underline. */
export function SubNav({ label, tabs, current }: { label: string; tabs: readonly { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-line">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.href === current ? 'page' : undefined}
              className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm ${t.href === current ? 'border-accent font-medium' : 'border-transparent text-muted hover:text-ink'}`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
