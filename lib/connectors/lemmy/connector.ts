/** The Lemmy connector: the Connector interface over the v3 API (Lemmy 0.19; 1.0 still serves v3). */
import type { Connector, ConnectorConfig } from '../types';
import { lemmyCapabilities } from './capabilities';
import { LemmyClient } from './client';
import { getLemmyReport, listLemmyReports } from './list-reports';
import { performLemmy } from './perform';
import { verifyLemmy } from './verify';

export { lemmyCapabilities };

export function createLemmyConnector(config: ConnectorConfig): Connector {
  // One client per connector, so the JWT from a password login is cached across calls.
  const client = new LemmyClient(config);
  return {
    kind: 'lemmy',
    capabilities: lemmyCapabilities,
    verify: () => verifyLemmy(client),
    listReports: (input) => listLemmyReports(client, input),
    getReport: (remoteId) => getLemmyReport(client, remoteId),
    perform: (action) => performLemmy(client, action),
  };
}
