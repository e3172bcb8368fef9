'use client';

/**
 * The ways to reach the origin's moderators, best first, as a radio group: an option the caller cannot use stays
 * listed, disabled, with the reason, so nobody wonders where it went.
 */
import type { ForwardOption } from '@/lib/forwarding/types';
import { Button } from '@/components/ui/button';

export function ForwardOptions({ options, chosen, busy, onChoose, onForward }: {
  options: ForwardOption[];
  chosen: string | null;
  busy: boolean;
  onChoose: (key: string) => void;
  onForward: () => void;
}) {
  const usable = options.find((o) => o.key === chosen && o.unavailable === null);
  return (
    <div className="space-y-2">
      <fieldset className="space-y-1.5">
        <legend className="mb-1 text-sm font-medium">How to forward</legend>
        {options.map((o) => (
          <label key={o.key} className={`flex items-start gap-2 text-sm ${o.unavailable ? 'text-muted' : ''}`}>
            <input type="radio" name="forward-option" value={o.key} className="mt-1" checked={chosen === o.key} disabled={o.unavailable !== null || busy} onChange={() => onChoose(o.key)} />
            <span>
              {o.label}
              {o.unavailable ? <span className="block text-xs">Unavailable: {o.unavailable}</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
      <Button type="button" variant="primary" data-testid="forward-submit" disabled={!usable || busy} onClick={onForward}>{busy ? 'Forwarding…' : 'Forward'}</Button>
    </div>
  );
}

/** The first option the caller can use: the default choice. */
export const firstUsable = (options: ForwardOption[]) => options.find((o) => o.unavailable === null)?.key ?? null;
