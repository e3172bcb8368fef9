'use client';
/** Reports resolved from the report page in this tab, so "next report" never sends the moderator back to one. */
const KEY = 'fedimod.handled-reports';

export function handledReports(): Set<string> {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch { return new Set(); }
}

export function markHandled(id: string): void {
  try { sessionStorage.setItem(KEY, JSON.stringify([...handledReports(), id].slice(-500))); } catch { /* storage off: the skip list is a nicety */ }
}
