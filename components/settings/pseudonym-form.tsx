'use client';
/** OWNER: pseudonym helper (issue 15). STUB: replace. One's own pseudonym, unique in the team. */
import { Card } from '@/components/ui/card';

export function PseudonymForm({ initial }: { initial: string }) {
  return <Card><h2 className="font-semibold">Pseudonym</h2><p className="text-sm text-muted">{initial}</p></Card>;
}
