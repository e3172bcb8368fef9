import type { BrigadeFlag } from '@/lib/holding/types';

/** Reports that look coordinated: why, the weighted score they got, and that they hid nothing. */
export function BrigadeNotice({ brigade, score }: { brigade: BrigadeFlag; score: number | null }) {
  return (
    <section aria-labelledby="brigade-heading" data-testid="brigade-notice" className="mb-4 rounded-lg border border-warn/40 bg-warn-soft p-4 text-sm text-ink">
      <h2 id="brigade-heading" className="mb-1 font-semibold text-warn">Likely brigade</h2>
      <p>
        {brigade.reports} reports from {brigade.reporters} reporters on {brigade.instances} instance{brigade.instances === 1 ? '' : 's'}
        {score !== null ? `, weighted score ${Number.isInteger(score) ? score : score.toFixed(1)}` : ''}. These reports were not used to hide anything: review them by hand.
      </p>
      {brigade.reasons.length ? (
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {brigade.reasons.map((r, i) => <li key={i}>{r}</li>)}
        </ul>
      ) : null}
    </section>
  );
}
