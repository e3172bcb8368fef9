/**
 * The inputs of report weighting for a set of target accounts: every open report against the same person (handle
 * user@domain, as lib/actors/handle.ts builds it: the account's home domain, or its instance's for a local one) on
 * any instance, and the history of the reporters behind them. Two statements whatever the number of targets.
 */
import { db } from '@/lib/db';
import { accountHandle } from '@/lib/actors/handle';
import type { WeighedReport } from './weights';

export interface ScoreRow {
  reportId: string;
  instanceId: string;
  instanceDomain: string;
  createdAt: Date | null;
  handle: string;
  reporterId: string | null;
  reporterUsername: string | null;
  reporterDomain: string | null;
  reporterCreatedAt: Date | null;
  reportScore: number | null;
  brigade: unknown;
}

export interface ScoreGroup {
  handle: string;
  rows: ScoreRow[];
  reports: WeighedReport[];
}

/** Open reports against the targets' persons, grouped by handle. */
export async function loadScoreGroups(targetAccountIds: string[]): Promise<ScoreGroup[]> {
  if (targetAccountIds.length === 0) return [];
  // The handle is recomputed in SQL the way accountHandle does it (lower(username@coalesce(domain, instance domain))).
  // Driven from the accounts, not the open reports: the person's accounts (one scan of Account, which has no
  // username index), then their open reports through Report's targetId index, so a webhook's one target does not
  // read the whole queue.
  const rows = await db.$queryRawUnsafe<ScoreRow[]>(
    `WITH targets AS (
       SELECT DISTINCT lower(t.username) AS u, lower(coalesce(t.domain, i.domain)) AS d
       FROM "Account" t JOIN "Instance" i ON i.id = t."instanceId" WHERE t.id = ANY($1::uuid[])
     ), persons AS (
       SELECT a.id, x.u || '@' || x.d AS handle
       FROM "Account" a JOIN "Instance" i ON i.id = a."instanceId"
       JOIN targets x ON x.u = lower(a.username) AND x.d = lower(coalesce(a.domain, i.domain))
     )
     SELECT r.id::text AS "reportId", r."instanceId"::text AS "instanceId", i.domain AS "instanceDomain",
       r."remoteCreatedAt" AS "createdAt", p.handle,
       rep.id::text AS "reporterId", rep.username AS "reporterUsername", rep.domain AS "reporterDomain",
       rep."remoteCreatedAt" AS "reporterCreatedAt", r."reportScore", r.brigade
     FROM persons p
     JOIN "Report" r ON r."targetId" = p.id
     JOIN "Instance" i ON i.id = r."instanceId"
     LEFT JOIN "Account" rep ON rep.id = r."reporterId"
     WHERE r.status = 'open' AND r.kind = 'report'
     ORDER BY r.id`,
    targetAccountIds,
  );
  const groups = new Map<string, ScoreGroup>();
  for (const row of rows) {
    const group = groups.get(row.handle) ?? { handle: row.handle, rows: [], reports: [] };
    group.rows.push(row);
    group.reports.push({
      reportId: row.reportId,
      instanceId: row.instanceId,
      instanceDomain: row.instanceDomain,
      createdAt: row.createdAt,
      reporter: reporterOf(row),
    });
    groups.set(row.handle, group);
  }
  return [...groups.values()];
}

export function reporterOf(row: ScoreRow): WeighedReport['reporter'] {
  if (!row.reporterId || !row.reporterUsername) return null;
  return {
    key: accountHandle(row.reporterUsername, row.reporterDomain, row.instanceDomain),
    domain: (row.reporterDomain ?? row.instanceDomain).toLowerCase(),
    createdAt: row.reporterCreatedAt,
  };
}

/**
 * Earlier reports by these reporter accounts that were closed, and how many were wrong: rejected through the
 * dashboard (a done report.reject), or closed with no done action beyond the report itself (report.*) while the
 * target carries no sanction (suspended, silenced, sensitized, disabled). The second covers reports closed on the
 * server, where no Action row exists: if the target bears no mark, the report most likely led nowhere.
 * One grouped statement; Report has no reporterId index, so this is one scan per batch, not per reporter.
 */
export async function loadReporterHistory(reporterIds: string[]): Promise<Map<string, { closed: number; wrong: number }>> {
  if (reporterIds.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<Array<{ id: string; closed: number; wrong: number }>>(
    `SELECT r."reporterId"::text AS id, count(*)::int AS closed,
       count(*) FILTER (WHERE
         EXISTS (SELECT 1 FROM "Action" a WHERE a."reportId" = r.id AND a.kind = 'report.reject' AND a.status = 'done')
         OR (NOT EXISTS (SELECT 1 FROM "Action" a WHERE a."reportId" = r.id AND a.kind NOT LIKE 'report.%' AND a.status = 'done')
             AND NOT (t.suspended OR t.silenced OR t.sensitized OR t.disabled)))::int AS wrong
     FROM "Report" r JOIN "Account" t ON t.id = r."targetId"
     WHERE r."reporterId" = ANY($1::uuid[]) AND r.status = 'resolved' AND r.kind = 'report'
     GROUP BY r."reporterId"`,
    reporterIds,
  );
  return new Map(rows.map((r) => [r.id, { closed: r.closed, wrong: r.wrong }]));
}
