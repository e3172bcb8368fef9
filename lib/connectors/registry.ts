/** Connector registry: the one place that knows which server kinds have an adapter. */
import { AppError } from '../errors';
import { createAkkomaConnector } from './akkoma/connector';
import { createLemmyConnector } from './lemmy/connector';
import { createGoToSocialConnector } from './gotosocial/connector';
import { createMastodonConnector } from './mastodon/connector';
import { createPeerTubeConnector } from './peertube/connector';
import { createMisskeyConnector } from './misskey/connector';
import type { Connector, ConnectorConfig, ServerKind } from './types';

export { capabilitiesFor } from './capabilities-for';

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

function unsupported(kind: string): AppError {
  return new AppError('unsupported', `No connector for server kind ${kind}`, {
    userMessage: `Connecting ${kind} servers is not supported yet.`,
  });
}
