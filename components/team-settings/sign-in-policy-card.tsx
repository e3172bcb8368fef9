'use client';
/** OWNER: TOTP helper (issue 15). STUB: replace. "Require two-factor sign-in for owners and admins" (admins). */
import { Card } from '@/components/ui/card';
import type { SignInPolicy } from '@/lib/auth/totp/sign-in-policy';

export function SignInPolicyCard({ initial }: { initial: SignInPolicy }) {
  void initial;
  return <Card><h2 className="font-semibold">Sign-in policy</h2><p className="text-sm text-muted">Not built yet.</p></Card>;
}
