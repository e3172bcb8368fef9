import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/current-actor';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { getSsoPublic } from '@/lib/auth/sso/sso-public';
import { hasAnyUser } from '@/lib/users/has-users';
import { SignInForm } from './page-client';

export const metadata: Metadata = { title: 'Sign in · Fedimod' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(first(params.callbackUrl)) ?? '/queue';
  if (!(await hasAnyUser())) redirect('/setup');
  if (await getActor()) redirect(callbackPath);
  const sso = await getSsoPublic();
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-muted">Use the email and password of your moderation team account.</p>
      <SignInForm callbackPath={callbackPath} initialError={first(params.error) ?? null} sso={{ enabled: sso.enabled, label: sso.label }} />
    </>
  );
}
