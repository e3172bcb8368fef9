/**
 * The bank_match trigger (called by lib/matching/match-media.ts once a media item's matches are stored): the best
 * match-bank hit of that media (highest severity, then closest) becomes the signal for the items that show it.
 */
import { db } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import { evaluateHolds } from './evaluate-holds';
import type { HoldSignal } from './types';

const log = logger('holding');

export async function bestBankSignal(mediaId: string): Promise<HoldSignal | null> {
  const rows = await db.mediaMatch.findMany({
    where: { mediaId, bank: { kind: 'match', enabled: true } },
    select: { distance: true, bank: { select: { name: true, label: true, severity: true } } },
  });
  const best = rows.sort((a, b) => b.bank.severity - a.bank.severity || a.distance - b.distance)[0];
  if (!best) return null;
  return { trigger: 'bank_match', severity: best.bank.severity, label: best.bank.label, bank: best.bank.name, distance: best.distance, mediaId };
}

/** Never throws: matching must not fail because of holds. */
export async function holdOnBankMatch(mediaId: string, reportIds: string[]): Promise<void> {
  try {
    const signal = reportIds.length ? await bestBankSignal(mediaId) : null;
    if (signal) await evaluateHolds({ reportIds, signal });
  } catch (e) {
    log.error('holds after a bank match failed', { mediaId, error: String(e) });
  }
}
