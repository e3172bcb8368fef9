/**
 * Writes copies the app already holds (our Media rows) into a case, in the caller's transaction: one copy per
 * post per instance, the reports showing them linked, their exact hashes added as case signals. Shared by opening
 * a case and by attaching newly hashed media, so both record a local copy the same way.
 */
import type { Tx } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { addCaseSignals, exactSignals } from './case-signals';
import { localCopyKey } from './copy-key';
import type { LocalCopy } from './find-local-copies';
import { linkReports, reportIdsShowingMedia } from './link-reports';
import { upsertCaseCopy } from './upsert-copy';

export const LOCAL_MEDIA_SELECT = {
  id: true, instanceId: true, remoteId: true, url: true, remoteUrl: true, sha256: true, md5: true,
  status: { select: { remoteId: true, url: true, uri: true, account: { select: { acct: true, remoteId: true } } } },
} as const;

export async function recordLocalCopies(tx: Tx, caseId: string, copies: readonly LocalCopy[], actor: Actor): Promise<{ created: number; linkedReportIds: string[] }> {
  if (copies.length === 0) return { created: 0, linkedReportIds: [] };
  const media = await tx.media.findMany({ where: { id: { in: copies.map((c) => c.mediaId) } }, select: LOCAL_MEDIA_SELECT });
  const byId = new Map(media.map((m) => [m.id, m]));
  let created = 0;
  for (const c of copies) {
    const m = byId.get(c.mediaId);
    if (!m) continue;
    const out = await upsertCaseCopy(tx, {
      caseId, instanceId: m.instanceId, copyKey: localCopyKey(m), foundBy: c.foundBy, foundVia: 'local', actor,
      mediaId: m.id, remotePostId: m.status?.remoteId, postUrl: m.status?.url, remoteMediaId: m.remoteId, mediaUrl: m.url,
      originUri: m.status?.uri, originMediaUrl: m.remoteUrl, accountAcct: m.status?.account?.acct, remoteAccountId: m.status?.account?.remoteId,
      distance: c.distance, variant: c.variant,
    });
    if (out.created) created++;
  }
  await addCaseSignals(tx, caseId, media.flatMap(exactSignals));
  const linkedReportIds = await linkReports(tx, caseId, await reportIdsShowingMedia(tx, media.map((m) => m.id)), actor);
  return { created, linkedReportIds };
}
