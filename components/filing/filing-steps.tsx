/** A filing's steps with their times: each is recorded before the next starts, so this is also the receipt. */
import type { FilingView } from '@/lib/filing/types';
import { stepList, utc } from './filing-text';

export function FilingSteps({ filing }: { filing: FilingView }) {
  return (
    <ol className="space-y-0.5 text-sm" aria-label="Steps" data-testid="filing-steps">
      {stepList(filing).map((s) => (
        <li key={s.label} className={s.at ? '' : 'text-muted'}>
          <span aria-hidden="true">{s.at ? '✓ ' : '○ '}</span>
          {s.label}: {s.at ? <time dateTime={s.at}>{utc(s.at)}</time> : 'not yet'}
        </li>
      ))}
    </ol>
  );
}
