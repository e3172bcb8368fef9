/** The Misskey connector: the Connector interface over Misskey's POST /api/<endpoint> API. */
import type { Connector, ConnectorConfig } from '../types';
import { misskeyCapabilities } from './capabilities';
import { MisskeyClient } from './client';
import { findMisskeyCopies } from './find-copies';
import { getMisskeyAccount } from './get-account';
import { listMisskeyDomainBlocks } from './list-domain-blocks';
import { getReport, listReports } from './list-reports';
import { performMisskey } from './perform';
import { verifyMisskey } from './verify';
import { listRecentNotes, searchNotes } from './watch-notes';

export function createMisskeyConnector(config: ConnectorConfig): Connector {
  const client = new MisskeyClient(config);
  return {
    kind: 'misskey',
    capabilities: misskeyCapabilities,
    verify: () => verifyMisskey(client),
    listReports: (input) => listReports(client, input),
    getReport: (remoteId) => getReport(client, remoteId),
    perform: (action) => performMisskey(client, action),
    findCopies: (query) => findMisskeyCopies(client, query),
    getAccount: (remoteId) => getMisskeyAccount(client, remoteId),
    listDomainBlocks: () => listMisskeyDomainBlocks(client),
    listRecentPosts: (input) => listRecentNotes(client, input),
    searchPosts: (input) => searchNotes(client, input),
  };
}
