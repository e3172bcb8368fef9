/**
 * Automatic retraction's safety valve (pure). A list that suddenly drops most of its domains is more likely broken
 * (an emptied file, a botched export, a hijacked URL) than reformed, and unblocking a few hundred domains on every
 * server at once is exactly the accident shared lists have already caused. So when one instance would lose at least
 * MIN_HELD list-made blocks and at least HELD_SHARE of them in one go, nothing is removed automatically: the removals
 * wait in the preview for a person.
 */
export const MIN_HELD = 25;
export const HELD_SHARE = 0.25;

export interface RetractionLoad {
  instanceId: string;
  name: string;
  removals: number;
  /** List-made blocks on the instance now (the removals among them). */
  listMade: number;
}

/** The instances whose retraction is too large to run without a person, or [] when it may run. */
export function heldRetractions(loads: RetractionLoad[]): RetractionLoad[] {
  return loads.filter((l) => l.removals >= MIN_HELD && l.removals >= HELD_SHARE * l.listMade);
}
