/**
 * The action filter's choices (pure): every event name present in the log, grouped by family ("report", "case"),
 * each family also selectable as a whole ("report." matches every report event, as the API filters by prefix).
 * A value from a hand-made link that is not in the list is kept as its own choice, so the select never silently
 * shows "All actions" while a filter is applied.
 */
export interface ActionGroup {
  family: string;
  /** The whole family: `<family>.` (prefix match); null when one choice would only repeat the single event. */
  all: string | null;
  actions: string[];
}

export function actionGroups(actions: readonly string[]): ActionGroup[] {
  const byFamily = new Map<string, string[]>();
  for (const a of [...new Set(actions)].sort()) {
    const family = a.includes('.') ? a.slice(0, a.indexOf('.')) : a;
    byFamily.set(family, [...(byFamily.get(family) ?? []), a]);
  }
  return [...byFamily].map(([family, list]) => ({ family, all: list.length > 1 && list.every((a) => a.startsWith(`${family}.`)) ? `${family}.` : null, actions: list }));
}

/** True when `value` is neither empty nor one of the offered choices (so it needs an option of its own). */
export function isCustomAction(value: string, groups: readonly ActionGroup[]): boolean {
  if (!value) return false;
  return !groups.some((g) => g.all === value || g.actions.includes(value));
}
