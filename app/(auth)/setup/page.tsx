import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { checkSetupToken } from '@/lib/auth/setup-token';
import { hasAnyUser } from '@/lib/users/has-users';
import { OwnerForm } from './page-client';

export const metadata: Metadata = { title: 'Set up · Fedimod' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function HowToGetLink() {
  return (
    <p className="text-sm text-muted">
      Find the setup link in the server log where you ran <code className="rounded bg-canvas px-1">npm start</code>, or run{' '}
      <code className="rounded bg-canvas px-1 break-all">npm run cli -- users create --email you@example.org --role owner</code>
    </p>
  );
}

export default async function SetupPage({ searchParams }: { searchParams: SearchParams }) {
  if (await hasAnyUser()) redirect('/signin');
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : null;
  const valid = token !== null && (await checkSetupToken(token));
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Welcome to Fedimod</h1>
      {valid ? (
        <>
          <p className="mb-5 text-sm text-muted">Create the owner account. The owner can invite the rest of the team.</p>
          <OwnerForm token={token} />
        </>
      ) : (
        <div className="space-y-4">
          {token !== null ? <Alert tone="error">This setup link is not valid or has expired. Restarting the server prints a new one.</Alert> : null}
          <p className="text-sm">No account exists yet. The first owner is created with a one-time setup link.</p>
          <HowToGetLink />
        </div>
      )}
    </>
  );
}
