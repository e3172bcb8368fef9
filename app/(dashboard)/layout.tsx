import { requirePageActor } from '@/lib/auth/current-actor';
import { QueryProvider } from '@/components/layout/query-provider';
import { NavBar } from '@/components/layout/nav-bar';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('viewer');
  const isAdmin = actor.role === 'admin' || actor.role === 'owner';
  return (
    <QueryProvider>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <NavBar email={actor.email} role={actor.role} isAdmin={isAdmin} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-5">
        {children}
      </main>
    </QueryProvider>
  );
}
