/** The PeerTube connector: the Connector interface over PeerTube's abuse and block-list API. */
import type { Connector, ConnectorConfig } from '../types';
import { peertubeCapabilities } from './capabilities';
import { PeerTubeClient } from './client';
import { findPeerTubeCopies } from './find-copies';
import { getPeerTubeReport, listPeerTubeReports } from './list-reports';
import { performPeerTube } from './perform';
import { listServerBlocksPeerTube } from './server-blocks';
import { verifyPeerTube } from './verify';
import { listRecentVideos, searchVideos } from './watch-videos';

export { peertubeCapabilities };

export function createPeerTubeConnector(config: ConnectorConfig): Connector {
  const client = new PeerTubeClient(config);
  return {
    kind: 'peertube',
    capabilities: peertubeCapabilities,
    verify: () => verifyPeerTube(client),
    listReports: (input) => listPeerTubeReports(client, input),
    getReport: (remoteId) => getPeerTubeReport(client, remoteId),
    perform: (action) => performPeerTube(client, action),
    findCopies: (query) => findPeerTubeCopies(client, query),
    listDomainBlocks: () => listServerBlocksPeerTube(client),
    listRecentPosts: (input) => listRecentVideos(client, input),
    searchPosts: (input) => searchVideos(client, input),
    close: () => client.close(),
  };
}
