import type { MatchView } from '@/lib/queue/match-view';
import { isSevereMatch } from '@/lib/queue/match-view';

/** How a dihedral variant reads to a person (shared by the case page's "how found"). */
export const VARIANT_TEXT: Record<string, string> = {
  rot90: 'rotated 90°', rot180: 'rotated 180°', rot270: 'rotated 270°', flipx: 'flipped top-bottom',
  flipy: 'flipped left-right', transpose: 'transposed', antitranspose: 'anti-transposed',
};

export function describeMatch(m: MatchView): string {
  const how = m.signalType === 'pdq' ? `distance ${m.distance}/256` : `exact ${m.signalType.toUpperCase()}`;
  const variant = VARIANT_TEXT[m.variant] ? `, ${VARIANT_TEXT[m.variant]}` : '';
  const quality = m.signalType === 'pdq' && m.quality !== null ? `, quality ${m.quality}` : '';
  // An outside matcher's hit names the service: "HMA · bank" (the bank is the service's own).
  const bank = m.service ? `${m.service} · ${m.bank}` : m.bank;
  return `${bank}${m.label ? ` (${m.label})` : ''}, severity ${m.severity}, ${how}${variant}${quality}`;
}

/** The queue's match indicator: label and distance at a glance, the full description for screen readers and hover. */
export function MatchBadge({ match }: { match: MatchView }) {
  const severe = isSevereMatch(match);
  const text = describeMatch(match);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ${severe ? 'bg-danger text-on-accent' : 'bg-warn-soft text-warn'}`}
      title={`Hash match: ${text}`}
      data-testid="match-badge"
    >
      <span aria-hidden>◆</span>
      <span className="sr-only">Hash match: {text}</span>
      <span aria-hidden>{match.service ? `${match.service} · ` : ''}{match.label ?? match.bank} · {match.signalType === 'pdq' ? `${match.distance}/256` : match.signalType}</span>
    </span>
  );
}
