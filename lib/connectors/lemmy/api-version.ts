/**
 * Which Lemmy API generation to speak. Lemmy 1.0 added /api/v4 and still serves /api/v3 (its routes_v3
 * compatibility layer); 0.19 serves only v3. Both functions are pure: detection passes the NodeInfo software
 * version to lemmyApiVersion and stores the answer as config.apiVersion, which selectLemmyApi reads back.
 */
export type LemmyApi = 'v3' | 'v4';

/**
 * "1.0.0", "1.0.0-beta.1", "1.2" → 'v4'; "0.19.9", null or anything unreadable → 'v3'. Pre-releases of 1.0
 * count as 1.0 because they already serve v4. Unreadable versions fall back to v3, which every release serves.
 */
export function lemmyApiVersion(softwareVersion: string | null): LemmyApi {
  const m = /^\s*v?(\d{1,6})(?:[.\-+]|\s*$)/i.exec(softwareVersion ?? '');
  if (!m) return 'v3';
  return Number(m[1]) >= 1 ? 'v4' : 'v3';
}

/** config.apiVersion → the generation used: only an explicit 'v4' selects v4; absent or unknown means v3. */
export function selectLemmyApi(apiVersion: string | null | undefined): LemmyApi {
  return apiVersion === 'v4' ? 'v4' : 'v3';
}
