/**
 * Where one instance of a run stands (pure): waiting for an admin's approval, removing, checking (round 1),
 * re-checking (later rounds), done, or failed (every step failed and no receipt says removed).
 */
import type { PurgeInstanceProgress, PurgeStepState, ReceiptVerdict } from './types';

export function instancePhase(
  steps: { state: PurgeStepState }[],
  checks: { round: number; status: string }[],
  receipts: { verdict: ReceiptVerdict }[],
): PurgeInstanceProgress['phase'] {
  if (steps.some((s) => s.state === 'needs_admin')) return 'waiting_admin';
  if (steps.some((s) => s.state === 'waiting' || s.state === 'queued')) return 'removing';
  const open = checks.filter((c) => c.status === 'queued' || c.status === 'running');
  if (open.some((c) => c.round > 1)) return 'rechecking';
  // Steps all ended and round 1 not written yet (or not created yet: the run creates it next).
  if (open.length > 0 || checks.length === 0) return 'checking';
  if (steps.length > 0 && steps.every((s) => s.state === 'failed') && !receipts.some((r) => r.verdict === 'removed')) return 'failed';
  return 'done';
}
