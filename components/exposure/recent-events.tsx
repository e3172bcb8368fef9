/** The person's latest exposure events: kind, severity, label, when and how long. Never the content or a link to it. */
import type { MyExposureView } from '@/lib/exposure/types';
import { KIND_WORDS, durationWords, whenUtc } from './format';

export function RecentExposure({ recent }: { recent: MyExposureView['recent'] }) {
  if (recent.length === 0) return <p className="text-sm text-muted">Nothing recorded yet.</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Your most recent exposure events">
      <table className="w-full text-left text-sm" data-testid="exposure-recent">
        <caption className="sr-only">Your 20 most recent exposure events</caption>
        <thead><tr className="border-b border-line text-xs text-muted"><th scope="col" className="py-1 pr-3">What</th><th scope="col" className="pr-3">Severity</th><th scope="col" className="pr-3">When</th><th scope="col">How long</th></tr></thead>
        <tbody>
          {recent.map((e, i) => (
            <tr key={`${e.at}-${i}`} className="border-b border-line last:border-0">
              <td className="py-1.5 pr-3">{KIND_WORDS[e.kind]}{e.label ? <span className="text-muted"> ({e.label})</span> : null}</td>
              <td className="pr-3 tabular-nums">{e.severity > 0 ? e.severity : <span className="text-muted">none</span>}</td>
              <td className="pr-3 whitespace-nowrap">{whenUtc(e.at)}</td>
              <td className="whitespace-nowrap">{e.kind === 'reveal' ? durationWords(e.durationSeconds) : <span className="text-muted">–</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
