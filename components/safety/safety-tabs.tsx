'use client';

/** The safety pages' local nav. A client part because the shared layout renders it and only the path knows the tab. */
import { usePathname } from 'next/navigation';
import { SubNav } from '@/components/settings/settings-tabs';

const TABS = [
  { href: '/safety', label: 'Rules & holds' },
  { href: '/safety/watch', label: 'Watch lists' },
  { href: '/safety/matchers', label: 'Matchers', admin: true },
  { href: '/safety/notifications', label: 'Notifications', admin: true },
] as const;

export function SafetyTabs({ admin }: { admin: boolean }) {
  const path = usePathname() ?? '/safety';
  const tabs = TABS.filter((t) => admin || !('admin' in t));
  const current = [...tabs].sort((a, b) => b.href.length - a.href.length).find((t) => path === t.href || path.startsWith(`${t.href}/`))?.href ?? '/safety';
  return <SubNav label="Safety sections" tabs={tabs} current={current} />;
}
