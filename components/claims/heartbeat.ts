/** When the banner renews its claim (pure, so it is tested without a browser). */
export const HEARTBEAT_MS = 30_000;
export const ACTIVE_WINDOW_MS = 3 * 60_000;

/** Renew only for a person who is plausibly there: the tab is visible and they touched it in the last 3 minutes. */
export function shouldHeartbeat(visible: boolean, lastActiveAt: number, now: number): boolean {
  return visible && now - lastActiveAt < ACTIVE_WINDOW_MS;
}

/** Coming back after an idle spell: the claim may have lapsed, so claim at once rather than at the next tick. */
export function wasIdle(lastActiveAt: number, now: number): boolean {
  return now - lastActiveAt >= ACTIVE_WINDOW_MS;
}
