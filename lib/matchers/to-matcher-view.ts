/** A stored matcher as the pages and CLI see it: circuit state and counts, never the key. */
import { circuitState } from './circuit';
import type { MatcherKind, MatcherView } from './types';

export interface MatcherRow {
  id: string; name: string; kind: string; baseUrl: string; keySealed: string | null; allowPrivate: boolean; enabled: boolean;
  instanceIds: string[]; signalTypes: string[]; severity: number; label: string; timeoutMs: number; perMinute: number;
  failures: number; openUntil: Date | null; lastError: string | null; lastOkAt: Date | null;
}

export interface MatcherCounts { hits: number; checked: number; pendingChecks: number }

export function toMatcherView(r: MatcherRow, counts: MatcherCounts, now = new Date()): MatcherView {
  return {
    id: r.id, name: r.name, kind: r.kind as MatcherKind, baseUrl: r.baseUrl, hasKey: r.keySealed !== null, allowPrivate: r.allowPrivate,
    enabled: r.enabled, instanceIds: r.instanceIds, signalTypes: r.signalTypes.filter((t): t is 'pdq' | 'md5' => t === 'pdq' || t === 'md5'),
    severity: r.severity, label: r.label, timeoutMs: r.timeoutMs, perMinute: r.perMinute, circuit: circuitState(r, now),
    openUntil: r.openUntil?.toISOString() ?? null, lastError: r.lastError, lastOkAt: r.lastOkAt?.toISOString() ?? null, ...counts,
  };
}
