/**
 * Pure: which connector serves a server, from its NodeInfo software name (or, without NodeInfo, the version
 * string of /api/v1/instance, where Pleroma/Akkoma and GoToSocial identify themselves).
 */
import type { ServerKind } from '../types';

const BY_NODEINFO_NAME: Record<string, ServerKind> = {
  mastodon: 'mastodon', hometown: 'mastodon', glitchsoc: 'mastodon', 'glitch-soc': 'mastodon',
  gotosocial: 'gotosocial',
  akkoma: 'akkoma', pleroma: 'akkoma',
  misskey: 'misskey', sharkey: 'misskey', firefish: 'misskey', iceshrimp: 'misskey', cherrypick: 'misskey', foundkey: 'misskey',
  lemmy: 'lemmy',
  peertube: 'peertube',
};

export function kindFromNodeInfoName(name: string | null | undefined): ServerKind | null {
  if (!name) return null;
  return BY_NODEINFO_NAME[name.trim().toLowerCase()] ?? null;
}

/** Mastodon-compatible servers put their own name in the version string: "2.7.2 (compatible; Pleroma 2.5.0)". */
export function kindFromInstanceVersion(version: string | null | undefined): ServerKind | null {
  if (!version) return null;
  const v = version.toLowerCase();
  if (v.includes('akkoma') || v.includes('pleroma')) return 'akkoma';
  // GoToSocial is still 0.x and says nothing else; Mastodon has been >= 1 since 2017.
  if (v.includes('gotosocial') || /^0\.\d+\.\d+/.test(v)) return 'gotosocial';
  return /^\d+\.\d+\.\d+/.test(v) ? 'mastodon' : null;
}
