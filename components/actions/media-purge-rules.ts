/**
 * The rules of the GoToSocial media cleanup form, apart from the form so they can be tested without a browser.
 *
 * GoToSocial's cleanup is server-wide: it prunes the cached files of every remote account older than N days, not
 * only the reported account's. 0 days empties the whole remote cache, so the form starts at 30: GoToSocial's own
 * media-remote-cache-days defaults to 7 (30 before superseriousbusiness/gotosocial#2007), so at 30 a purge removes
 * nothing a server on either default would still keep. 0 needs the instance's name typed.
 */
export const MEDIA_PURGE_DEFAULT_DAYS = 30;
export const MEDIA_PURGE_MAX_DAYS = 3650;

/** The days as a whole number in range, or null while the field holds anything else. */
export function parsePurgeDays(raw: string): number | null {
  if (!/^\d+$/.test(raw.trim())) return null;
  const days = Number(raw.trim());
  return days <= MEDIA_PURGE_MAX_DAYS ? days : null;
}

/** Said next to the field, so the reach is read before the button is pressed, not only in the dialog. */
export function purgeReachText(instanceName: string, days: number | null): string {
  if (days === 0) return `Removes EVERY cached file of EVERY remote account on ${instanceName} (0 days empties the whole remote media cache), not only this report's.`;
  const age = days === null ? 'the number of days given' : `${days} ${days === 1 ? 'day' : 'days'}`;
  return `Removes cached files of EVERY remote account on ${instanceName} older than ${age}, not only this report's.`;
}

/** 0 days is the only value that empties the cache; it is allowed only once the instance's name is typed. */
export function needsTypedConfirmation(days: number | null): boolean {
  return days === 0;
}

export function typedConfirmationOk(days: number | null, typed: string, instanceName: string): boolean {
  return !needsTypedConfirmation(days) || typed.trim() === instanceName.trim();
}
