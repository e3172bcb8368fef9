/** The Mastodon connector: the Connector interface over the Mastodon 4.x admin API. */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Connector, ConnectorConfig, ListReportsInput, ReportPage, SkippedItem, RemoteReport } from '../types';
import { adminReportSchema } from './api-types';
import { mastodonCapabilities } from './capabilities';
import { MastodonClient } from './client';
import { decodeCursor, encodeCursor } from './link-header';
import { findCopiesMastodon } from './find-copies';
import { getAccountMastodon } from './get-account';
import { listDomainBlocksMastodon } from './list-domain-blocks';
import { mapAdminReport } from './mapper';
import { formatIssues, parseRemote, rawId, safeId } from './parse-remote';
import { keepReport, skipItem, writableOrThrow } from '../shared/report-items';
import { performMastodon } from './perform';
import { verifyMastodon } from './verify';
import { mastodonWatch } from './watch';

export function createMastodonConnector(config: ConnectorConfig): Connector {
  const client = new MastodonClient(config);
  return {
    kind: 'mastodon',
    capabilities: mastodonCapabilities,
    verify: () => verifyMastodon(client),
    listReports: (input) => listReports(client, input),
    getReport: async (remoteId) => {
      const res = await client.get(`/api/v1/admin/reports/${safeId(remoteId)}`);
      return writableOrThrow(mapAdminReport(parseRemote(adminReportSchema, res.data, 'Admin::Report')), 'Mastodon');
    },
    perform: (action) => performMastodon(client, action),
    findCopies: (query) => findCopiesMastodon(client, query),
    getAccount: (remoteId) => getAccountMastodon(client, remoteId),
    listDomainBlocks: () => listDomainBlocksMastodon(client),
    ...mastodonWatch(client),
  };
}

async function listReports(client: MastodonClient, input: ListReportsInput): Promise<ReportPage> {
  const limit = Math.min(200, Math.max(1, Math.trunc(input.limit ?? 100)));
  const page = input.cursor ? decodeCursor(input.cursor) : {};
  // Open reports are Mastodon's default listing. `resolved` is sent only when true: some Mastodon versions'
  // ReportFilter treat any present `resolved` value, even "false", as "resolved only".
  const res = await client.get('/api/v1/admin/reports', { limit, ...(input.resolved ? { resolved: true } : {}), ...page });
  const list = z.array(z.unknown()).safeParse(res.data);
  if (!list.success) {
    throw new AppError('remote_error', 'Mastodon report list is not an array', {
      userMessage: 'The instance returned a report list this dashboard cannot read.',
    });
  }
  const items: RemoteReport[] = [];
  const skipped: SkippedItem[] = [];
  // One item at a time, so a single malformed report is recorded and the rest of the page still lands.
  for (const raw of list.data) {
    const parsed = adminReportSchema.safeParse(raw);
    if (parsed.success) keepReport({ items, skipped }, mapAdminReport(parsed.data), raw);
    else skipped.push(skipItem(rawId(raw), formatIssues(parsed.error), raw));
  }
  const next = list.data.length > 0 ? encodeCursor(res.links.next) : null;
  // A server repeating the same cursor would loop a sync forever.
  return { items, skipped, next: next === input.cursor ? null : next };
}
