'use client';
/** OWNER: TOTP helper (issue 15). STUB: replace. Authenticator app: enrol (QR + secret + confirm code), recovery codes, remove. */
import { Card } from '@/components/ui/card';

export function TotpSection() {
  return <Card><h2 className="font-semibold">Authenticator app</h2><p className="text-sm text-muted">Not built yet.</p></Card>;
}
