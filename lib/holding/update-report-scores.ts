/**
 * Re-weighs the open reports against the given target accounts (each resolved to the same person on every instance)
 * and writes Report.reportScore and Report.brigade on each of them (one statement for the batch). A group that becomes
 * a likely brigade is audited once (report.brigade_flagged) and never fires a rule; any other group that changed
 * and reaches the lowest enabled report_score threshold is handed to evaluateHolds after its write committed. Called after a sync page or a webhook wrote reports: callers
 * catch (scoreSyncedReportsSafely), so a failure here never fails the sync.
 */
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import type { Actor } from '@/lib/audit/actor';
import { logger } from '@/lib/log/logger';
import { evaluateHolds } from './evaluate-holds';
import { loadReporterHistory, loadScoreGroups, reporterOf, type ScoreGroup } from './load-score-groups';
import { scoreReports, type ReportScore } from './score-reports';
import type { BrigadeFlag } from './types';

const log = logger('holding');
const SCORE_ACTOR: Actor = { type: 'system', label: 'holding.score' };
/** Targets per round of queries: the statements take arrays, this only bounds their size. */
const CHUNK = 500;

export interface ScoreUpdate {
  groups: number;
  written: number;
  flagged: number;
  evaluated: number;
}

export async function updateReportScores(targetAccountIds: string[], now: Date = new Date()): Promise<ScoreUpdate> {
  const total: ScoreUpdate = { groups: 0, written: 0, flagged: 0, evaluated: 0 };
  const ids = [...new Set(targetAccountIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = await updateChunk(ids.slice(i, i + CHUNK), now);
    for (const k of Object.keys(total) as Array<keyof ScoreUpdate>) total[k] += part[k];
  }
  return total;
}

async function updateChunk(targetIds: string[], now: Date): Promise<ScoreUpdate> {
  const out: ScoreUpdate = { groups: 0, written: 0, flagged: 0, evaluated: 0 };
  const groups = await loadScoreGroups(targetIds);
  const reporterIds = [...new Set(groups.flatMap((g) => g.rows.flatMap((r) => (r.reporterId ? [r.reporterId] : []))))];
  const byAccount = await loadReporterHistory(reporterIds);
  // History is per person: each reporter account (one per instance) is added once under the reporter's key.
  const keyOf = new Map<string, string>();
  for (const row of groups.flatMap((g) => g.rows)) {
    const key = reporterOf(row)?.key;
    if (row.reporterId && key) keyOf.set(row.reporterId, key);
  }
  const history = new Map<string, { closed: number; wrong: number }>();
  for (const [accountId, key] of keyOf) {
    const h = byAccount.get(accountId);
    if (!h) continue;
    const prev = history.get(key) ?? { closed: 0, wrong: 0 };
    history.set(key, { closed: prev.closed + h.closed, wrong: prev.wrong + h.wrong });
  }
  const plain: Array<{ g: ScoreGroup; result: ReportScore; brigade: BrigadeFlag | null }> = [];
  for (const g of groups) {
    out.groups++;
    const result = scoreReports(g.reports, history, now);
    const before = g.rows.find((r) => isFlag(r.brigade))?.brigade as BrigadeFlag | undefined;
    // A group already flagged keeps the time it was first flagged.
    const brigade = result.brigade ? { ...result.brigade, flaggedAt: before?.flaggedAt ?? now.toISOString() } : null;
    if (g.rows.every((r) => r.reportScore === result.score && flagKey(r.brigade) === flagKey(brigade))) continue;
    out.written++;
    if (brigade) out.flagged++;
    if (brigade && !before) await flagGroup(g, result.score, brigade);
    else plain.push({ g, result, brigade });
  }
  await writePlain(plain);
  // The lowest threshold of the enabled report_score rules: below it no rule can fire, so evaluateHolds is spared.
  const floor = plain.some((p) => !p.brigade)
    ? (await db.holdRule.aggregate({ where: { enabled: true, trigger: 'report_score' }, _min: { minScore: true } }))._min.minScore
    : null;
  for (const { g, result, brigade } of plain) {
    if (brigade || floor === null || result.score < floor) continue; // a likely brigade never fires a rule
    try {
      await evaluateHolds({
        reportIds: g.rows.map((r) => r.reportId),
        signal: { trigger: 'report_score', score: result.score, reporters: result.reporters, instances: result.instances },
      });
      out.evaluated++;
    } catch (e) {
      log.error('evaluating holds after scoring failed', { handle: g.handle, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/** Groups with nothing to audit, in one statement (a sync's first page may touch hundreds of people). */
async function writePlain(plain: Array<{ g: ScoreGroup; result: ReportScore; brigade: BrigadeFlag | null }>): Promise<void> {
  if (plain.length === 0) return;
  const rows = plain.flatMap(({ g, result, brigade }) => g.rows.map((r) => ({ id: r.reportId, score: result.score, brigade })));
  await db.$executeRawUnsafe(
    `UPDATE "Report" r SET "reportScore" = v.score, brigade = NULLIF(v.brigade, 'null'::jsonb)
     FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, score float8, brigade jsonb) WHERE r.id = v.id`,
    JSON.stringify(rows),
  );
}

/** A group that just became a likely brigade: its reports and the audit event in one transaction. */
async function flagGroup(g: ScoreGroup, score: number, brigade: BrigadeFlag): Promise<void> {
  const ids = g.rows.map((r) => r.reportId);
  await db.$transaction(async (tx) => {
    await tx.report.updateMany({ where: { id: { in: ids } }, data: { reportScore: score, brigade: { ...brigade } } });
    await recordEvent(tx, {
      actor: SCORE_ACTOR, action: 'report.brigade_flagged', targetType: 'account', targetId: g.handle,
      details: { handle: g.handle, score, reasons: brigade.reasons, reports: brigade.reports, reporters: brigade.reporters, instances: brigade.instances, reportIds: ids.slice(0, 100) },
    });
  });
}

function isFlag(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Array.isArray((v as { reasons?: unknown }).reasons);
}

/** What a stored flag says, independent of jsonb's key order. */
function flagKey(v: unknown): string {
  if (!isFlag(v)) return '';
  const f = v as BrigadeFlag;
  return JSON.stringify([f.reasons, f.reports, f.reporters, f.instances, f.freshShare]);
}
