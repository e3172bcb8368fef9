'use client';
/** OWNER: passkey helper (issue 15). STUB: replace. Passkeys: add (named), list, remove. */
import { Card } from '@/components/ui/card';

export function PasskeySection() {
  return <Card><h2 className="font-semibold">Passkeys</h2><p className="text-sm text-muted">Not built yet.</p></Card>;
}
