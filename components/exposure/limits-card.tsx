'use client';
/** OWNER: exposure UI helper (issue 15). STUB: replace. The team's exposure limits form (admins). */
import { Card } from '@/components/ui/card';
import type { ExposureLimits } from '@/lib/exposure/types';

export function ExposureLimitsCard({ initial }: { initial: ExposureLimits }) {
  void initial;
  return <Card><h2 className="font-semibold">Exposure limits</h2><p className="text-sm text-muted">Not built yet.</p></Card>;
}
