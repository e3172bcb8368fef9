/** The Pleroma/Akkoma connector: the Connector interface over /api/v1/pleroma/admin/ (kind 'akkoma' covers both). */
import type { Connector, ConnectorConfig } from '../types';
import { akkomaReportSchema } from './api-types';
import { akkomaCapabilities } from './capabilities';
import { ADMIN, AkkomaClient } from './client';
import { findAkkomaCopies } from './find-copies';
import { getAkkomaAccount } from './get-account';
import { listAkkomaReports } from './list-reports';
import { mapReport } from './mapper';
import { parseRemote, safeId } from './parse';
import { writableOrThrow } from '../shared/report-items';
import { performAkkoma } from './perform';
import { verifyAkkoma } from './verify';
import { akkomaWatch } from './watch';

export { akkomaCapabilities };

export function createAkkomaConnector(config: ConnectorConfig): Connector {
  const client = new AkkomaClient(config);
  return {
    kind: 'akkoma',
    capabilities: akkomaCapabilities,
    verify: () => verifyAkkoma(client),
    listReports: (input) => listAkkomaReports(client, input),
    getReport: async (remoteId) =>
      writableOrThrow(mapReport(parseRemote(akkomaReportSchema, await client.request('GET', `${ADMIN}/reports/${safeId(remoteId)}`), 'report')), 'Akkoma'),
    perform: (action) => performAkkoma(client, action),
    findCopies: (query) => findAkkomaCopies(client, query),
    getAccount: (remoteId) => getAkkomaAccount(client, remoteId),
    ...akkomaWatch(client),
  };
}
