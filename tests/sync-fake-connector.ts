/**
 * A scripted remote server at the connector boundary, for sync tests that must feed values no real connector
 * should let through (a connector that let them through is exactly what the sync must survive). Pages and single
 * reports are served from plain data; getReport may be told to fail for an id.
 */
import { AppError } from '@/lib/errors';
import { mastodonCapabilities } from '@/lib/connectors/mastodon/capabilities';
import type { Connector, RemoteAccount, RemoteReport } from '@/lib/connectors/types';
import { db } from '@/lib/db';
import { sealToken } from '@/lib/instances/token-box';

export interface ScriptedServer {
  pages: RemoteReport[][];
  byId: Map<string, RemoteReport>;
  failGet: Map<string, AppError>;
}

export const servers = new Map<string, ScriptedServer>();

export function scriptedConnector(server: ScriptedServer): Connector {
  return {
    kind: 'mastodon',
    capabilities: mastodonCapabilities,
    verify: async () => ({ ok: true, account: null, instance: null, checks: [] }),
    listReports: async ({ cursor }) => {
      const page = Number(cursor ?? 0);
      return { items: server.pages[page] ?? [], skipped: [], next: page + 1 < server.pages.length ? String(page + 1) : null };
    },
    getReport: async (id) => {
      const failure = server.failGet.get(id);
      if (failure) throw failure;
      const found = server.byId.get(id);
      if (!found) throw new AppError('not_found', 'no such report');
      return found;
    },
    perform: async () => {
      throw new AppError('unsupported', 'scripted connector does not act');
    },
  };
}

export async function scriptedInstance(pages: RemoteReport[][]): Promise<{ instanceId: string; server: ScriptedServer }> {
  const baseUrl = `https://scripted-${servers.size + 1}.example`;
  const row = await db.instance.create({
    data: { name: baseUrl, kind: 'mastodon', baseUrl, domain: new URL(baseUrl).host, tokenSealed: await sealToken('t', baseUrl), webhookSecretSealed: await sealToken('w', `${baseUrl}#webhook`) },
  });
  const server: ScriptedServer = { pages, byId: new Map(pages.flat().map((r) => [r.remoteId, r])), failGet: new Map() };
  servers.set(row.id, server);
  return { instanceId: row.id, server };
}

export function account(id: string, extra: Partial<RemoteAccount> = {}): RemoteAccount {
  return { remoteId: id, username: `user${id}`, acct: `user${id}`, displayName: `User ${id}`, url: null, avatarUrl: null, domain: null, ...extra };
}

export function report(id: string, extra: Partial<RemoteReport> = {}): RemoteReport {
  return {
    remoteId: id, category: 'spam', comment: `comment ${id}`, createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z',
    resolved: false, resolvedAt: null, forwarded: false, reporter: account('r1'), target: account(`t${id}`), assignee: null,
    statuses: [{
      remoteId: `s${id}`, url: null, uri: null, contentHtml: `<p>post ${id}</p>`, spoilerText: '', sensitive: false, visibility: 'public',
      createdAt: '2026-01-05T08:00:00.000Z',
      media: [{ remoteId: `m${id}`, type: 'image', url: `https://scripted.example/m${id}.png`, previewUrl: null, remoteUrl: null, description: null }],
    }],
    rules: [],
    ...extra,
  };
}
