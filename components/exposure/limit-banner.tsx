/**
 * The queue's calm notice while severe items are paused for this person: why, until when, where severe reports go,
 * a break suggestion and a link to their exposure. role="status", not an alert: nothing went wrong.
 */
import Link from 'next/link';
import type { ExposureStatus } from '@/lib/exposure/types';
import { whenUtc } from './format';

export function ExposureLimitBanner({ status }: { status: ExposureStatus | undefined }) {
  if (!status?.limited) return null;
  return (
    <div role="status" data-testid="exposure-limit-banner" className="mb-3 space-y-1 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm text-ink">
      <p className="font-medium">Severe reports are paused for you{status.until ? ` until ${whenUtc(status.until)}` : ''}.</p>
      {status.reason ? <p>{status.reason}</p> : null}
      <p>Severe reports go to colleagues meanwhile. A good moment for a break; a lead can lift the limit if it is truly needed.</p>
      <p><Link href="/settings/exposure" className="font-medium text-accent underline">See your exposure</Link></p>
    </div>
  );
}
