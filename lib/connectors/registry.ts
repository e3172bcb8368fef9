/** Connector registry: the one place that knows which server kinds have an adapter. */
import { AppError } from '../errors';
import { akkomaCapabilities } from './akkoma/capabilities';
import { createAkkomaConnector } from './akkoma/connector';
import { gotosocialCapabilities } from './gotosocial/capabilities';
import { lemmyCapabilities } from './lemmy/capabilities';
import { createLemmyConnector } from './lemmy/connector';
import { createGoToSocialConnector } from './gotosocial/connector';
import { mastodonCapabilities } from './mastodon/capabilities';
import { createMastodonConnector } from './mastodon/connector';
import { misskeyCapabilities } from './misskey/capabilities';
import { peertubeCapabilities } from './peertube/capabilities';
import { createPeerTubeConnector } from './peertube/connector';
import { createMisskeyConnector } from './misskey/connector';
import type { Capabilities, Connector, ConnectorConfig, ServerKind } from './types';

const NONE: Capabilities = { actions: [], categories: [], notes: {}, webhooks: false };

export function createConnector(kind: ServerKind, config: ConnectorConfig): Connector {
  switch (kind) {
    case 'mastodon':
      return createMastodonConnector(config);
    case 'gotosocial':
      return createGoToSocialConnector(config);
    case 'akkoma':
      return createAkkomaConnector(config);
    case 'misskey':
      return createMisskeyConnector(config);
    case 'lemmy':
      return createLemmyConnector(config);
    case 'peertube':
      return createPeerTubeConnector(config);
    default:
      throw unsupported(kind);
  }
}

/** The kinds that have a connector, in the order the UI lists them. */
export function connectorKinds(): ServerKind[] {
  return ['mastodon', 'gotosocial', 'akkoma', 'misskey', 'lemmy', 'peertube'];
}

/** Capabilities without a connection, for forms and the UI. Kinds without an adapter can do nothing yet. */
export function capabilitiesFor(kind: ServerKind): Capabilities {
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

function unsupported(kind: string): AppError {
  return new AppError('unsupported', `No connector for server kind ${kind}`, {
    userMessage: `Connecting ${kind} servers is not supported yet.`,
  });
}
