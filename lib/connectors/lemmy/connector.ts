/**
 * The Lemmy connector: the Connector interface over API v3 (Lemmy 0.19; 1.0 still serves it) or API v4
 * (Lemmy 1.0), chosen by config.apiVersion ('v4' → v4, anything else → v3).
 */
import type { Connector, ConnectorConfig } from '../types';
import { selectLemmyApi } from './api-version';
import { lemmyCapabilities } from './capabilities';
import { LemmyClient } from './client';
import { findLemmyCopies } from './find-copies';
import { getLemmyAccount } from './get-account';
import { getLemmyReport, listLemmyReports } from './list-reports';
import { getLemmyReportV4, listLemmyReportsV4 } from './list-reports-v4';
import { listLemmyDomainBlocks } from './list-domain-blocks';
import { performLemmy } from './perform';
import { verifyLemmy } from './verify';
import { listRecentLemmyPosts, searchLemmyPosts } from './watch-posts';

export { lemmyCapabilities };
export { lemmyApiVersion } from './api-version';

export function createLemmyConnector(config: ConnectorConfig): Connector {
  const api = selectLemmyApi(config.apiVersion);
  // One client per connector, so the JWT from a password login is cached across calls.
  const client = new LemmyClient({ ...config, api });
  return {
    kind: 'lemmy',
    capabilities: lemmyCapabilities,
    verify: () => verifyLemmy(client),
    listReports: (input) => (api === 'v4' ? listLemmyReportsV4(client, input) : listLemmyReports(client, input)),
    getReport: (remoteId) => (api === 'v4' ? getLemmyReportV4(client, remoteId) : getLemmyReport(client, remoteId)),
    perform: (action) => performLemmy(client, action),
    findCopies: (query) => findLemmyCopies(client, query),
    getAccount: (remoteId) => getLemmyAccount(client, remoteId),
    listDomainBlocks: () => listLemmyDomainBlocks(client),
    listRecentPosts: (input) => listRecentLemmyPosts(client, input),
    searchPosts: (input) => searchLemmyPosts(client, input),
  };
}
