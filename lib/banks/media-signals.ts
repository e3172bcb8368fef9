import { HEX_LENGTH, type Signal } from './bank-fields';

/** Below this PDQ quality the hash says more about flatness than content; the reference tools skip it too. */
export const PDQ_MIN_QUALITY = 50;

interface HashedMedia { pdqHash: string | null; pdqQuality: number | null; md5: string | null; sha256: string | null }

/** Which of a media item's stored hashes may become bank entries (pure). */
export function mediaSignals(media: HashedMedia): { signals: { signalType: Signal; value: string }[]; skipped: { signalType: Signal; reason: string }[] } {
  const signals: { signalType: Signal; value: string }[] = [];
  const skipped: { signalType: Signal; reason: string }[] = [];
  const candidates: [Signal, string | null][] = [['pdq', media.pdqHash], ['md5', media.md5], ['sha256', media.sha256]];
  for (const [signalType, raw] of candidates) {
    const value = raw?.toLowerCase() ?? '';
    if (!new RegExp(`^[0-9a-f]{${HEX_LENGTH[signalType]}}$`).test(value)) skipped.push({ signalType, reason: raw ? 'malformed hash' : 'not computed' });
    else if (signalType === 'pdq' && (media.pdqQuality ?? 0) < PDQ_MIN_QUALITY) skipped.push({ signalType, reason: `quality ${media.pdqQuality ?? 'unknown'} below ${PDQ_MIN_QUALITY}` });
    else signals.push({ signalType, value });
  }
  return { signals, skipped };
}
