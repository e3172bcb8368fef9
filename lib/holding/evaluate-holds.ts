/**
 * Runs every enabled rule whose trigger matches the signal against the given queue items; places holds (live
 * through the outbox, dry run as records). Idempotent: one hold per rule per subject (the unique ruleId+subjectKey
 * is the claim). Never throws for one item's failure (logged; the rest are evaluated); callers call it after their
 * own transaction committed and catch anything it throws.
 */
import { db } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import { placeHold, type HoldSubject } from './place-hold';
import type { HoldSignal, HoldTriggerInput } from './types';

const log = logger('holding');

export interface EvaluateOutcome {
  /** Hold ids created by this call (live and dry run). */
  created: string[];
}

type RuleRow = Awaited<ReturnType<typeof db.holdRule.findMany>>[number];

/** Whether the signal crosses this rule's threshold (pure). */
export function rulePasses(rule: Pick<RuleRow, 'trigger' | 'minSeverity' | 'labels' | 'minScore'>, signal: HoldSignal): boolean {
  if (rule.trigger !== signal.trigger) return false;
  switch (signal.trigger) {
    case 'bank_match':
    case 'outside_match':
      if ((signal.severity ?? 0) < rule.minSeverity) return false;
      return rule.labels.length === 0 || (!!signal.label && rule.labels.includes(signal.label));
    case 'report_score':
      return (signal.score ?? 0) >= rule.minScore;
    case 'watch_hit':
      return true;
  }
}

export async function evaluateHolds(input: HoldTriggerInput): Promise<EvaluateOutcome> {
  const created: string[] = [];
  if (input.reportIds.length === 0) return { created };
  const rules = (await db.holdRule.findMany({ where: { enabled: true, trigger: input.signal.trigger }, orderBy: { name: 'asc' } }))
    .filter((r) => rulePasses(r, input.signal));
  if (rules.length === 0) return { created };
  const subjects = await loadSubjects(input.reportIds, input.signal.mediaId ?? null);
  for (const rule of rules) {
    for (const subject of subjects) {
      if (rule.instanceIds.length > 0 && !rule.instanceIds.includes(subject.instanceId)) continue;
      try {
        const id = await placeHold(rule, subject, input.signal);
        if (id) created.push(id);
      } catch (e) {
        log.error('placing a hold failed', { ruleId: rule.id, reportId: subject.reportId, error: String(e) });
      }
    }
  }
  return { created };
}

/** The open items, each with the post the signal is about: the one carrying the media, else the item's first post. */
async function loadSubjects(reportIds: string[], mediaId: string | null): Promise<HoldSubject[]> {
  const mediaStatusId = mediaId ? (await db.media.findUnique({ where: { id: mediaId }, select: { statusId: true } }))?.statusId ?? null : null;
  const reports = await db.report.findMany({
    where: { id: { in: [...new Set(reportIds)] }, status: 'open' },
    select: {
      id: true, instanceId: true, instance: { select: { kind: true, name: true } }, target: { select: { remoteId: true } }, mediaCount: true,
      statuses: { orderBy: { position: 'asc' }, select: { status: { select: { id: true, remoteId: true, visibility: true } } } },
    },
  });
  return reports.map((r) => {
    const posts = r.statuses.map((l) => l.status);
    const post = posts.find((p) => p.id === mediaStatusId) ?? posts[0] ?? null;
    return {
      reportId: r.id, instanceId: r.instanceId, instanceKind: r.instance.kind, instanceName: r.instance.name,
      targetRemoteId: r.target.remoteId, status: post, hasMedia: r.mediaCount > 0 || !!mediaId,
    };
  });
}
