import { Card } from '@/components/ui/card';

/** Sign-in, first-run setup and invites: one calm centered card, no navigation. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <p className="mb-4 text-center text-lg font-semibold tracking-tight text-accent">Fedimod</p>
        <Card className="p-6 shadow-sm">{children}</Card>
      </div>
    </main>
  );
}
