/**
 * Records one matcher's answer for one media item: its hits as OutsideMatch rows (severity and label from the
 * matcher's settings, bank and label from the service), the check done, and a matcher.hit audit event for each
 * hit that is new, all in one transaction. Returns the new hits.
 */
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { db } from '@/lib/db';
import type { OutsideHit } from './types';

const SYSTEM: Actor = { type: 'system', label: 'matchers' };

export interface StoredHit extends OutsideHit { severity: number }

export async function storeOutsideHits(
  media: { id: string; instanceId: string },
  matcher: { id: string; name: string; severity: number },
  hits: readonly OutsideHit[],
): Promise<StoredHit[]> {
  return db.$transaction(async (tx) => {
    const fresh: StoredHit[] = [];
    for (const h of dedupe(hits)) {
      const key = { mediaId_matcherId_signalType_bank: { mediaId: media.id, matcherId: matcher.id, signalType: h.signalType, bank: h.bank } };
      const before = await tx.outsideMatch.findUnique({ where: key, select: { id: true } });
      const data = { matchLabel: h.matchLabel, distance: h.distance, severity: matcher.severity };
      const row = await tx.outsideMatch.upsert({ where: key, create: { mediaId: media.id, matcherId: matcher.id, signalType: h.signalType, bank: h.bank, ...data }, update: data });
      if (before) continue;
      fresh.push({ ...h, severity: matcher.severity });
      await recordEvent(tx, {
        actor: SYSTEM, action: 'matcher.hit', targetType: 'media', targetId: media.id, instanceId: media.instanceId,
        details: { matchId: row.id, matcherId: matcher.id, service: matcher.name, bank: h.bank, signalType: h.signalType, distance: h.distance, severity: matcher.severity },
      });
    }
    await tx.outsideCheck.update({
      where: { mediaId_matcherId: { mediaId: media.id, matcherId: matcher.id } },
      data: { state: 'done', checkedAt: new Date(), error: null, nextAttemptAt: null },
    });
    return fresh;
  });
}

/** One row per (type, bank): the closest. */
function dedupe(hits: readonly OutsideHit[]): OutsideHit[] {
  const best = new Map<string, OutsideHit>();
  for (const h of hits) {
    const k = `${h.signalType}:${h.bank}`;
    const prev = best.get(k);
    if (!prev || h.distance < prev.distance) best.set(k, h);
  }
  return [...best.values()];
}
