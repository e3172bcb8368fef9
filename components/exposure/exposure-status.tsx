/**
 * Where the person stands against the team's limits, in kind words: limited or not, why, until when, a lead's
 * lift in force, and the limits themselves. Being limited is not a fault: it says so and suggests a break.
 */
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { ExposureLimits, ExposureStatus } from '@/lib/exposure/types';
import { plural, whenUtc } from './format';

export function limitsWords(l: ExposureLimits): string {
  const max = l.maxSevereRevealsPerDay === null ? 'no daily limit on severe reveals' : `at most ${plural(l.maxSevereRevealsPerDay, 'severe reveal')} in 24 hours`;
  const pause = l.pauseAfterSevereMinutes === null ? 'no pause after a severe item' : `a ${l.pauseAfterSevereMinutes}-minute pause after each severe item`;
  return `Severe means severity ${l.severeAt} or higher. The team set ${max}, and ${pause}.`;
}

export function ExposureStatusCard({ status, showLink = false }: { status: ExposureStatus; showLink?: boolean }) {
  return (
    <Card className={status.limited ? 'border-warn/50 bg-warn-soft' : ''}>
      <section data-testid="exposure-status" data-limited={status.limited ? 'true' : 'false'} aria-labelledby="exposure-status-title" className="space-y-2 text-sm">
        <h2 id="exposure-status-title" className="text-base font-semibold">{status.limited ? 'Severe items are paused for you' : 'No limit reached'}</h2>
        <div aria-live="polite" className="space-y-2">
          {status.limited ? (
            <>
              <p>{status.reason ?? 'You reached one of the team’s exposure limits.'}</p>
              {status.until ? <p>This ends by itself at <strong>{whenUtc(status.until)}</strong>. Severe reports go to colleagues meanwhile.</p> : <p>Severe reports go to colleagues meanwhile.</p>}
              <p>This is a good moment for a break: step away from the screen, get some air or a drink, talk to someone. A lead can lift the limit if it is truly needed.</p>
            </>
          ) : (
            <p>You have revealed {plural(status.severeRevealsLast24h, 'severe item')} in the last 24 hours. Severe reports reach you as usual.</p>
          )}
          {status.lift ? <p>A lead ({status.lift.by}) lifted your limit until {whenUtc(status.lift.expiresAt)}: “{status.lift.reason}”.</p> : null}
        </div>
        <p className="text-xs text-muted">{limitsWords(status.limits)}</p>
        {showLink ? <Link href="/settings/exposure" className="text-sm font-medium text-accent underline">See your exposure</Link> : null}
      </section>
    </Card>
  );
}
