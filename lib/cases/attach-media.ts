/**
 * A freshly hashed media item joins every open (or purging) case it is a copy of: the case index is asked with the
 * media's exact hashes and its 8 dihedral PDQ hashes (quality gate applies), each hit re-checked in the database,
 * then per case in one transaction: the copy, the media's reports linked, its exact hashes added as signals (so
 * later byte-identical copies join by hash), the counts, the audit events. Called by the media job after matching.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { pdqVariants } from '@/lib/matching/find-media-hits';
import type { MediaHashRow } from '@/lib/matching/match-batch';
import { getMatchSettings } from '@/lib/matching/match-settings';
import { ACTIVE_STATES, lockCaseRow } from './case-access';
import { syncCaseIndex } from './case-index-sync';
import { recordLocalCopies } from './record-local-copies';
import { recountCase } from './recount-case';

const ATTACH_ACTOR: Actor = { type: 'system', label: 'cases.attach' };

export async function attachMediaToCases(media: MediaHashRow): Promise<{ caseIds: string[] }> {
  const index = await syncCaseIndex();
  const settings = await getMatchSettings();
  const pdqUsable = media.pdqHash !== null && media.pdqQuality !== null && media.pdqQuality >= settings.qualityGate;
  const hits = index.query({
    sha256: media.sha256, md5: media.md5, threshold: settings.threshold,
    pdqVariants: pdqUsable ? pdqVariants(media.pdqHash, media.pdqDihedral) : [],
  });
  if (hits.length === 0) return { caseIds: [] };
  const ids = hits.map((h) => h.caseId);
  const live = new Set((await db.case.findMany({ where: { id: { in: ids }, state: { in: [...ACTIVE_STATES] } }, select: { id: true } })).map((c) => c.id));
  // Already a local copy there: nothing to add, and its own hashes (signals since it joined) would pass for a
  // stronger find. A copy first found by a remote lookup has no signals of its own, so its hash hit is genuine: it
  // goes through, becomes local and shows the stronger way ("same file" rather than "same post").
  const holding = new Set((await db.caseCopy.findMany({ where: { mediaId: media.id, caseId: { in: ids }, foundVia: 'local' }, select: { caseId: true } })).map((c) => c.caseId));
  const attached: string[] = [];
  for (const hit of hits) {
    if (!live.has(hit.caseId)) {
      index.dropCase(hit.caseId); // closed or gone since it was indexed: it collects nothing more
      continue;
    }
    if (holding.has(hit.caseId)) continue;
    const joined = await db.$transaction(async (tx) => {
      // Row lock (before any audit), then the state again: a close committed after the check above wins.
      const state = await lockCaseRow(tx, hit.caseId);
      if (state === null || !(ACTIVE_STATES as readonly string[]).includes(state)) return false;
      await recordLocalCopies(tx, hit.caseId, [{ mediaId: media.id, foundBy: hit.foundBy, distance: hit.distance, variant: hit.variant }], ATTACH_ACTOR);
      await recountCase(tx, hit.caseId);
      return true;
    });
    if (joined) attached.push(hit.caseId);
  }
  return { caseIds: attached };
}
