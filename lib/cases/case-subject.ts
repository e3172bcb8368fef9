/**
 * What a new case is about: the primary media (from a media id, or the report's media with the worst bank match,
 * else its first hashed image; none for a report without media, which opens a case on its post), the origin
 * (post URI/URL, the file's origin URL, the posting account), and the media's best bank match.
 */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { ItemHashes } from './find-local-copies';

const MEDIA_SELECT = {
  id: true, instanceId: true, state: true, url: true, remoteUrl: true, sha256: true, md5: true, pdqHash: true, pdqQuality: true, pdqDihedral: true,
  instance: { select: { domain: true } },
  status: { select: { uri: true, url: true, account: { select: { acct: true, url: true, domain: true } } } },
  matches: {
    where: { bank: { kind: 'match' as const, enabled: true }, entry: { enabled: true } },
    select: { distance: true, variant: true, signalType: true, bank: { select: { name: true, label: true, severity: true } } },
  },
} as const;

type MediaRow = NonNullable<Awaited<ReturnType<typeof loadMedia>>>;

export interface BestMatchJson { bank: string; label: string | null; severity: number; distance: number; variant: string; signalType: string; mediaId: string }

export interface CaseSubject {
  instanceId: string;
  reportId: string | null;
  primaryMediaId: string | null;
  hashes: ItemHashes | null;
  bestMatch: BestMatchJson | null;
  origin: { uri: string | null; url: string | null; mediaUrl: string | null; acct: string | null; accountUrl: string | null; domain: string | null };
  /** The reported account, for the default title when the origin has no account. */
  targetAcct: string | null;
}

const isHashed = (m: MediaRow) => m.state === 'done' && (m.sha256 !== null || m.md5 !== null || m.pdqHash !== null);

function loadMedia(where: { id: string }) {
  return db.media.findUnique({ where, select: MEDIA_SELECT });
}

export function bestMatchOf(m: MediaRow): BestMatchJson | null {
  const sorted = [...m.matches].sort((a, b) => b.bank.severity - a.bank.severity || a.distance - b.distance);
  const top = sorted[0];
  if (!top) return null;
  return { bank: top.bank.name, label: top.bank.label, severity: top.bank.severity, distance: top.distance, variant: top.variant, signalType: top.signalType, mediaId: m.id };
}

type StatusOrigin = { uri: string | null; url: string | null; account: { acct: string; url: string | null; domain: string | null } | null } | null;

function originOf(status: StatusOrigin, instanceDomain: string, media: MediaRow | null): CaseSubject['origin'] {
  const account = status?.account ?? null;
  // A local account has no domain: its origin is the instance itself, and its file's URL there is the origin's.
  const local = account !== null && account.domain === null;
  const domain = account ? (account.domain ?? instanceDomain) : null;
  const acct = account ? (account.acct.includes('@') ? account.acct : `${account.acct}@${domain}`) : null;
  return {
    uri: status?.uri ?? null, url: status?.url ?? null,
    mediaUrl: media ? (media.remoteUrl ?? (local ? media.url : null)) : null,
    acct, accountUrl: account?.url ?? null, domain,
  };
}

function fromMedia(m: MediaRow, reportId: string | null, targetAcct: string | null): CaseSubject {
  return {
    instanceId: m.instanceId, reportId, primaryMediaId: m.id,
    hashes: { sha256: m.sha256, md5: m.md5, pdqHash: m.pdqHash, pdqQuality: m.pdqQuality, pdqDihedral: m.pdqDihedral },
    bestMatch: bestMatchOf(m), origin: originOf(m.status, m.instance.domain, m), targetAcct,
  };
}

export async function subjectFromMedia(mediaId: string): Promise<CaseSubject> {
  const m = await loadMedia({ id: mediaId });
  if (!m) throw new AppError('not_found', `media ${mediaId} not found`);
  if (!isHashed(m)) throw new AppError('bad_request', `media ${mediaId} not hashed`, { userMessage: 'This media has not been processed yet; try again shortly.' });
  return fromMedia(m, null, null);
}

export async function subjectFromReport(reportId: string): Promise<CaseSubject> {
  const report = await db.report.findUnique({
    where: { id: reportId },
    select: {
      id: true, instanceId: true, instance: { select: { domain: true } }, target: { select: { acct: true } },
      statuses: { orderBy: { position: 'asc' }, select: { status: { select: { uri: true, url: true, account: { select: { acct: true, url: true, domain: true } }, media: { orderBy: { createdAt: 'asc' }, select: MEDIA_SELECT } } } } },
    },
  });
  if (!report) throw new AppError('not_found', `report ${reportId} not found`);
  const media = report.statuses.flatMap((l) => l.status.media).filter(isHashed);
  const ranked = media.flatMap((m) => {
    const best = bestMatchOf(m);
    return best ? [{ m, best }] : [];
  }).sort((a, b) => b.best.severity - a.best.severity || a.best.distance - b.best.distance);
  const chosen = ranked[0]?.m ?? media[0];
  if (chosen) return fromMedia(chosen, report.id, report.target.acct);
  const first = report.statuses[0]?.status ?? null;
  return {
    instanceId: report.instanceId, reportId: report.id, primaryMediaId: null, hashes: null, bestMatch: null,
    origin: originOf(first, report.instance.domain, null), targetAcct: report.target.acct,
  };
}
