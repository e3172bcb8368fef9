/**
 * The cases scenario shared by every fake, the demo and the tests: ONE synthetic "known-bad" test image (a generated
 * pattern, harmless) posted once by an account on an origin server that is NOT connected to the dashboard
 * (spreader.test), then federated: each fake started with `knownBad` holds its own copy of that post, recorded the
 * way that server kind records a remote post (the origin's ActivityPub id, the origin's media URL, the remote
 * account), and serves its cached copy of the file from its own URL.
 *
 * Nothing here is real material: the image is rendered from SVG like every other fake image (../images.ts).
 */
import sharp from 'sharp';
import { syntheticImage } from '../images';

export const KNOWN_BAD = {
  originDomain: 'spreader.test',
  account: {
    username: 'spreader',
    acct: 'spreader@spreader.test',
    displayName: 'Spreader (synthetic test account)',
    /** ActivityPub id of the account. */
    uri: 'https://spreader.test/users/spreader',
    url: 'https://spreader.test/@spreader',
  },
  post: {
    /** ActivityPub id of the origin post: what every federated copy records as its uri / ap_id. */
    uri: 'https://spreader.test/users/spreader/statuses/113370000000000001',
    url: 'https://spreader.test/@spreader/113370000000000001',
    contentHtml: '<p>Synthetic known-bad test pattern (harmless; used to exercise cases).</p>',
    createdAt: '2026-11-30T21:14:05.000Z',
  },
  media: {
    /** The file's URL on the origin: what federated copies record as the media's remote URL. */
    originUrl: 'https://spreader.test/system/media_attachments/files/113/370/000/original/known-bad.png',
    description: 'Synthetic test pattern',
    width: 640,
    height: 480,
  },
  /** Report comment for the copies that are reported. */
  reportComment: 'Known-bad test pattern again (synthetic). Please remove.',
} as const;

/**
 * Seed of the pattern: fixed, so its PDQ hash is the same on every run (the demo bank holds it). Chosen so the PDQ
 * quality (93, and 93 for the rotated re-encode) is far above the matcher's default gate of 50: many seeds hash near or below it, and a hash just over the gate could fall under it after a re-encode.
 */
export const KNOWN_BAD_SEED = 731_320;

/**
 * How a server's cached copy differs from the origin file. 'original': byte-identical (same SHA-256/MD5).
 * 'reencoded-rotated': rotated 90° and re-encoded as JPEG, as some servers and re-posters do: different bytes,
 * same picture, so only PDQ (under a dihedral variant) recognises it.
 */
export type KnownBadVariant = 'original' | 'reencoded-rotated';

const cache = new Map<KnownBadVariant, Promise<Buffer>>();

export function knownBadImage(variant: KnownBadVariant = 'original'): Promise<Buffer> {
  let hit = cache.get(variant);
  if (!hit) {
    hit = render(variant);
    cache.set(variant, hit);
  }
  return hit;
}

async function render(variant: KnownBadVariant): Promise<Buffer> {
  const png = await syntheticImage(KNOWN_BAD_SEED, { width: KNOWN_BAD.media.width, height: KNOWN_BAD.media.height, format: 'png' });
  if (variant === 'original') return png;
  return sharp(png).rotate(90).jpeg({ quality: 85 }).toBuffer();
}

export function knownBadMime(variant: KnownBadVariant = 'original'): 'image/png' | 'image/jpeg' {
  return variant === 'original' ? 'image/png' : 'image/jpeg';
}

/** `knownBad` option of every fake's start function. */
export interface FederatedCopyOptions {
  /** Also hold an open report (by a local reporter) against the copy. Default false: an unreported copy. */
  reported?: boolean;
  /** Which bytes this server's cached copy has. Default 'original'. */
  variant?: KnownBadVariant;
}

/**
 * What a fake records when an API call would have made the REAL server fetch something from another server
 * (a search with resolve=true, Misskey ap/show, Lemmy resolve_object, a webfinger lookup of an unknown account,
 * a PeerTube search by URL...). Copy lookups must never cause one: tests read them from GET /__fake/remote-fetches.
 */
export interface RemoteFetchRecord {
  at: string;
  /** The endpoint called, e.g. "GET /api/v2/search". */
  endpoint: string;
  /** What the server would have fetched (URL or acct). */
  target: string;
}
