'use client';
/** OWNER: sessions helper (issue 15). STUB: replace. Signed-in sessions: this one marked, end one, end every other, sign out everywhere. */
import { Card } from '@/components/ui/card';

export function SessionsSection() {
  return <Card><h2 className="font-semibold">Sessions</h2><p className="text-sm text-muted">Not built yet.</p></Card>;
}
