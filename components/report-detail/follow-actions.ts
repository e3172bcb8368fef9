/**
 * Pure decisions behind the report page's flow, kept out of the hook so they can be unit-tested:
 * which actions are in flight (poll faster), which finished since the page loaded (refresh the header),
 * and whether a resolve or reject just finished (open the next report).
 */
export interface ActionLike { id: string; kind: string; status: string }

export const FINISHING_KINDS: ReadonlySet<string> = new Set(['report.resolve', 'report.reject']);

export function hasActionInFlight(actions: readonly ActionLike[]): boolean {
  return actions.some((a) => a.status === 'pending' || a.status === 'running');
}

export function doneIds(actions: readonly ActionLike[]): string[] {
  return actions.filter((a) => a.status === 'done').map((a) => a.id).sort();
}

/**
 * A resolve/reject that is done now and either was not done when the page first saw the list, or was requested from
 * this tab (the worker can finish it before the page's first look at the list).
 */
export function newlyFinished(actions: readonly ActionLike[], doneAtLoad: ReadonlySet<string>, requested: ReadonlySet<string> = new Set()): ActionLike | null {
  return actions.find((a) => a.status === 'done' && FINISHING_KINDS.has(a.kind) && (!doneAtLoad.has(a.id) || requested.has(a.id))) ?? null;
}
