/** The notification for a hold: one chat line and the facts behind it (pure). */
import { appUrl } from '@/lib/env';
import type { NotifyEvent, NotifyPayload } from '@/lib/notify/types';
import type { HoldSignal } from './types';

const TRIGGER_WORDS: Record<HoldSignal['trigger'], string> = {
  bank_match: 'bank match', outside_match: 'outside match', report_score: 'report score', watch_hit: 'watch list',
};
const VERBS: Record<NotifyEvent, string> = { 'hold.placed': 'Held', 'hold.would_hold': 'Would hold (dry run)', 'hold.overdue': 'Overdue hold' };

export interface HoldFacts {
  holdId: string;
  ruleName: string;
  instanceName: string;
  reportId: string;
  signal: HoldSignal;
  step: string | null;
  dueAt: Date;
  now: Date;
}

export function holdPayload(event: NotifyEvent, f: HoldFacts): NotifyPayload {
  const s = f.signal;
  const detail = s.severity !== undefined
    ? `, severity ${s.severity}${s.label ? ` (${s.label})` : ''}`
    : s.score !== undefined ? `, score ${s.score.toFixed(1)}` : s.term ? `, ${s.term.kind} ${s.term.value}` : '';
  return {
    event,
    summary: `${VERBS[event]} on ${f.instanceName}: ${TRIGGER_WORDS[s.trigger]}${detail} — rule ${f.ruleName}`,
    holdId: f.holdId, ruleName: f.ruleName, instanceName: f.instanceName,
    url: `${appUrl().replace(/\/$/, '')}/reports/${f.reportId}`,
    severity: s.severity ?? null, label: s.label ?? null, step: f.step, dueAt: f.dueAt.toISOString(), at: f.now.toISOString(),
  };
}
