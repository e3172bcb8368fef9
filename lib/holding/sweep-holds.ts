/**
 * CONTRACT STUB (issue 14, holding-core implements): runs every scheduler tick. Moves holds whose outbox action
 * settled (holding -> held or not_hidden; undoing -> undone or back to held with the reason), and notifies once
 * (hold.overdue) for holds past their review time. Never throws.
 */
export async function sweepHolds(now: Date): Promise<{ settled: number; overdue: number }> {
  void now;
  return { settled: 0, overdue: 0 };
}
