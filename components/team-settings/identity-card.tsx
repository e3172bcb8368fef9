'use client';
/** OWNER: pseudonym helper (issue 15). STUB: replace. Team identity: team name, pseudonyms in the UI, signatures, CyberTipline reporter. */
import { Card } from '@/components/ui/card';
import type { IdentitySettings } from '@/lib/team/identity-settings';

export function IdentityCard({ initial }: { initial: IdentitySettings }) {
  void initial;
  return <Card><h2 className="font-semibold">Names and pseudonyms</h2><p className="text-sm text-muted">Not built yet.</p></Card>;
}
