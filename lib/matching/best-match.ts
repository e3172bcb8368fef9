/**
 * A report's headline match among all its media's matches (pure): the one that ranks highest by the same order
 * the queue priority uses (lib/queue/priority.ts): severity, then distance, then quality (exact = certain).
 */
import type { SignalType } from './bank-index';

export interface ReportMatchCandidate {
  mediaId: string;
  bankId: string;
  bankName: string;
  label: string | null;
  severity: number;
  signalType: SignalType;
  distance: number;
  variant: string;
  quality: number | null;
  /** An outside matcher's name (lib/matchers) when the hit came from it; bankName is then the service's bank. */
  service?: string | null;
}

/** Stored in Report.matchSummary for the queue row and the report page. */
export interface MatchSummary {
  bank: string;
  bankId: string;
  label: string | null;
  severity: number;
  distance: number;
  variant: string;
  quality: number | null;
  signalType: SignalType;
  mediaId: string;
  /** Set when the match came from an outside matcher: the report names the service beside its bank. */
  service?: string | null;
}

const rankQuality = (q: number | null) => (q === null ? 100 : q);

export function compareCandidates(a: ReportMatchCandidate, b: ReportMatchCandidate): number {
  return b.severity - a.severity
    || a.distance - b.distance
    // Our own bank before an outside service at the same severity and distance: its entry is the team's evidence.
    || (a.service ? 1 : 0) - (b.service ? 1 : 0)
    || rankQuality(b.quality) - rankQuality(a.quality)
    // Stable choice among equals, so refreshing twice never flips the summary.
    || (a.mediaId < b.mediaId ? -1 : a.mediaId > b.mediaId ? 1 : 0)
    || (a.bankId < b.bankId ? -1 : a.bankId > b.bankId ? 1 : 0);
}

export function bestMatch(candidates: readonly ReportMatchCandidate[]): MatchSummary | null {
  if (candidates.length === 0) return null;
  const best = [...candidates].sort(compareCandidates)[0];
  return {
    bank: best.bankName, bankId: best.bankId, label: best.label, severity: best.severity, distance: best.distance,
    variant: best.variant, quality: best.quality, signalType: best.signalType, mediaId: best.mediaId,
    ...(best.service ? { service: best.service } : {}),
  };
}
