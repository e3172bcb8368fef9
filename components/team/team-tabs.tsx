/** The team's admin pages: dashboard, exposure (without content), team settings. */
import { SubNav } from '@/components/settings/settings-tabs';

const TABS = [
  { href: '/team', label: 'Dashboard' },
  { href: '/team/exposure', label: 'Exposure' },
  { href: '/team/settings', label: 'Team settings' },
] as const;

export function TeamTabs({ current }: { current: (typeof TABS)[number]['href'] }) {
  return <SubNav label="Team sections" tabs={TABS} current={current} />;
}
