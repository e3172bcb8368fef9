/**
 * Capabilities by server kind, without a connection: the capability files are plain data, so this module is safe in
 * the browser (the registry, which also builds connectors, pulls in the HTTP clients). registry.ts re-exports it.
 */
import { akkomaCapabilities } from './akkoma/capabilities';
import { gotosocialCapabilities } from './gotosocial/capabilities';
import { lemmyCapabilities } from './lemmy/capabilities';
import { mastodonCapabilities } from './mastodon/capabilities';
import { misskeyCapabilities } from './misskey/capabilities';
import { peertubeCapabilities } from './peertube/capabilities';
import type { Capabilities, ServerKind } from './types';

const NONE: Capabilities = { actions: [], categories: [], notes: {}, webhooks: false };

/** Capabilities without a connection, for forms and the UI. Kinds without an adapter can do nothing yet. */
export function capabilitiesFor(kind: ServerKind | string): Capabilities {
  switch (kind) {
    case 'mastodon': return mastodonCapabilities;
    case 'gotosocial': return gotosocialCapabilities;
    case 'akkoma': return akkomaCapabilities;
    case 'misskey': return misskeyCapabilities;
    case 'lemmy': return lemmyCapabilities;
    case 'peertube': return peertubeCapabilities;
    default: return NONE;
  }
}
