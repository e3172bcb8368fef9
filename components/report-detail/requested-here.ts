'use client';
/**
 * Action ids this tab asked for from a report page. The report flow opens the next report when one of these
 * finishes, even when the worker was faster than the page's first look at the action list (then the action is
 * already done in that first list and diffing against it alone would miss it). Per tab, in memory.
 */
const requested = new Set<string>();

export function noteRequested(actionId: string): void {
  requested.add(actionId);
}

export function requestedHere(): ReadonlySet<string> {
  return requested;
}
