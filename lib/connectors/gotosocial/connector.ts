/** The GoToSocial connector: the Connector interface over GoToSocial's Mastodon-shaped admin API. */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Connector, ConnectorConfig, ListReportsInput, RemoteReport, ReportPage, SkippedItem } from '../types';
import { gtsAdminReportSchema } from './api-types';
import { gotosocialCapabilities } from './capabilities';
import { GoToSocialClient } from './client';
import { decodeCursor, encodeCursor } from './link-header';
import { findCopiesGoToSocial } from './find-copies';
import { getAccountGoToSocial } from './get-account';
import { listDomainBlocksGoToSocial } from './list-domain-blocks';
import { mapGtsReport } from './mapper';
import { formatIssues, parseRemote, rawId, safeId } from './parse-remote';
import { keepReport, skipItem, writableOrThrow } from '../shared/report-items';
import { performGoToSocial } from './perform';
import { verifyGoToSocial } from './verify';
import { gotosocialWatch } from './watch';

export function createGoToSocialConnector(config: ConnectorConfig): Connector {
  const client = new GoToSocialClient(config);
  return {
    kind: 'gotosocial',
    capabilities: gotosocialCapabilities,
    verify: () => verifyGoToSocial(client),
    listReports: (input) => listReports(client, input),
    getReport: async (remoteId) => {
      const res = await client.get(`/api/v1/admin/reports/${safeId(remoteId)}`);
      return writableOrThrow(mapGtsReport(parseRemote(gtsAdminReportSchema, res.data, 'admin report')), 'GoToSocial');
    },
    perform: (action) => performGoToSocial(client, action),
    findCopies: (query) => findCopiesGoToSocial(client, query),
    getAccount: (remoteId) => getAccountGoToSocial(client, remoteId),
    listDomainBlocks: () => listDomainBlocksGoToSocial(client),
    ...gotosocialWatch(client),
  };
}

async function listReports(client: GoToSocialClient, input: ListReportsInput): Promise<ReportPage> {
  // GoToSocial's default page is 20; larger pages are capped server-side, so ask for no more than 100.
  const limit = Math.min(100, Math.max(1, Math.trunc(input.limit ?? 20)));
  const page = input.cursor ? decodeCursor(input.cursor) : {};
  const res = await client.get('/api/v1/admin/reports', { limit, resolved: input.resolved, ...page });
  const list = z.array(z.unknown()).safeParse(res.data);
  if (!list.success) {
    throw new AppError('remote_error', 'GoToSocial report list is not an array', {
      userMessage: 'The instance returned a report list this dashboard cannot read.',
    });
  }
  const items: RemoteReport[] = [];
  const skipped: SkippedItem[] = [];
  // One item at a time, so a single malformed report is recorded and the rest of the page still lands.
  for (const raw of list.data) {
    const parsed = gtsAdminReportSchema.safeParse(raw);
    if (parsed.success) keepReport({ items, skipped }, mapGtsReport(parsed.data), raw);
    else skipped.push(skipItem(rawId(raw), formatIssues(parsed.error), raw));
  }
  const next = list.data.length > 0 ? encodeCursor(res.links.next) : null;
  // A server repeating the same cursor would loop a sync forever.
  return { items, skipped, next: next === input.cursor ? null : next };
}
