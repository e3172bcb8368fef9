'use client';
/** OWNER: SSO helper (issue 15). STUB: replace. Single sign-on (OpenID Connect) settings (owners and admins). */
import { Card } from '@/components/ui/card';
import type { SsoSettingsView } from '@/lib/auth/sso/sso-settings';

export function SsoCard({ initial }: { initial: SsoSettingsView }) {
  void initial;
  return <Card><h2 className="font-semibold">Single sign-on</h2><p className="text-sm text-muted">Not built yet.</p></Card>;
}
