import { getUserPreferences, requirePageActor } from '@/lib/auth/current-actor';
import { QueryProvider } from '@/components/layout/query-provider';
import { NavBar } from '@/components/layout/nav-bar';
import { ThemeSync } from '@/components/layout/theme-sync';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('viewer');
  const { theme } = await getUserPreferences(actor.id);
  return (
    <QueryProvider>
      <ThemeSync theme={theme} />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <NavBar email={actor.email} role={actor.role} />
      <main id="main" className="mx-auto min-w-0 max-w-7xl px-4 py-5">
        {children}
      </main>
    </QueryProvider>
  );
}
