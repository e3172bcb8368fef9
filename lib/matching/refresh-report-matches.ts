/**
 * Recomputes a report's match fields (matchSeverity, matchDistance, matchSummary) and its priority from the
 * MediaMatch rows of its media (media -> status -> ReportStatusLink -> report). Only match-bank rows of enabled
 * banks and entries count: a bank disabled since the rows were written stops raising reports at once, before any
 * rematch has cleaned its rows up. Hits of outside matchers (OutsideMatch, lib/matchers) of enabled matchers count
 * beside them, ranked the same way, with the summary naming the service.
 */
import { db, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { computePriority } from '@/lib/queue/priority';
import { bestMatch, type MatchSummary } from './best-match';
import { lockReportForPriority } from './report-match-fields';

export async function reportIdsForMedia(mediaIds: readonly string[]): Promise<string[]> {
  if (mediaIds.length === 0) return [];
  const links = await db.reportStatusLink.findMany({
    where: { status: { media: { some: { id: { in: [...mediaIds] } } } } },
    select: { reportId: true },
    distinct: ['reportId'],
  });
  return links.map((l) => l.reportId);
}

export async function refreshReportMatches(reportIds: readonly string[]): Promise<void> {
  for (const reportId of new Set(reportIds)) {
    await db.$transaction((tx) => refreshOne(tx, reportId));
  }
}

/** A match-bank hit always counts as a match, even if its bank's severity was left at 0. */
const clampSeverity = (s: number) => Math.min(5, Math.max(1, Math.floor(s)));

async function refreshOne(tx: Tx, reportId: string): Promise<MatchSummary | null> {
  // Row lock first: the sync recomputes priority under the same lock, so neither overwrites the other's inputs.
  const report = await lockReportForPriority(tx, reportId);
  if (!report) return null;
  const rows = await tx.mediaMatch.findMany({
    where: {
      media: { status: { reports: { some: { reportId } } } },
      bank: { kind: 'match', enabled: true },
      entry: { enabled: true },
    },
    select: { mediaId: true, bankId: true, signalType: true, distance: true, variant: true, quality: true, bank: { select: { name: true, label: true, severity: true } } },
  });
  const outside = await tx.outsideMatch.findMany({
    where: { media: { status: { reports: { some: { reportId } } } }, matcher: { enabled: true } },
    select: { mediaId: true, matcherId: true, signalType: true, distance: true, severity: true, bank: true, matchLabel: true, matcher: { select: { name: true, label: true } } },
  });
  const summary = bestMatch([
    ...rows.map((r) => ({ ...r, bankName: r.bank.name, label: r.bank.label, severity: clampSeverity(r.bank.severity) })),
    ...outside.map((o) => ({
      mediaId: o.mediaId, bankId: o.matcherId, bankName: o.bank, label: o.matcher.label || o.matchLabel, severity: clampSeverity(o.severity),
      signalType: o.signalType, distance: o.distance, variant: 'original', quality: null, service: o.matcher.name,
    })),
  ]);
  const reportCount = await tx.report.count({ where: { instanceId: report.instanceId, targetId: report.targetId } });
  const priority = computePriority({
    severity: summary?.severity ?? 0,
    distance: summary?.distance ?? null,
    quality: summary?.quality ?? null,
    reportCount,
    ageHours: Math.max(0, (Date.now() - report.remoteCreatedAt.getTime()) / 3_600_000),
    category: report.category,
    mediaCount: report.mediaCount,
  });
  await tx.report.update({
    where: { id: reportId },
    data: {
      matchSeverity: summary?.severity ?? 0,
      matchDistance: summary?.distance ?? null,
      matchSummary: summary ? { ...summary } : Prisma.DbNull,
      priority,
    },
  });
  return summary;
}

/**
 * For a bank whose severity, label, name or enabled flag changed: its MediaMatch rows stay as they are, but the
 * reports they raise must be re-ranked (a rematch would not, as no row changes). Pages by report id.
 */
export async function refreshReportsForBank(bankId: string): Promise<number> {
  let after: string | null = null;
  let refreshed = 0;
  for (;;) {
    const links: { reportId: string }[] = await db.reportStatusLink.findMany({
      where: { status: { media: { some: { matches: { some: { bankId } } } } }, ...(after === null ? {} : { reportId: { gt: after } }) },
      orderBy: { reportId: 'asc' },
      distinct: ['reportId'],
      take: 500,
      select: { reportId: true },
    });
    await refreshReportMatches(links.map((l) => l.reportId));
    refreshed += links.length;
    if (links.length < 500) return refreshed;
    after = links[links.length - 1].reportId;
  }
}
