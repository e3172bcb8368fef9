/**
 * The hosts a Misskey server blocks, from admin/meta (instance-apis.md §4; misskey-dev/misskey
 * packages/backend/src/server/api/endpoints/admin/meta.ts): blockedHosts are full blocks ('suspend'), silencedHosts
 * are silenced ('silence'). A host in both lists is blocked, which is what Misskey enforces. Misskey keeps no flags or
 * comments per host. `raw` keeps both lists as the server sent them, so the whole-list write in the reconcile never
 * drops an entry this connector cannot read.
 */
import { z } from 'zod';
import type { RemoteDomainBlock, SkippedItem } from '../types';
import { blockKey } from '../shared/domain-blocks';
import type { MisskeyClient } from './client';
import { parseRemote } from './parse-remote';

export interface MisskeyHostLists {
  blocks: RemoteDomainBlock[];
  skipped: SkippedItem[];
  raw: { blockedHosts: unknown[]; silencedHosts: unknown[] };
}

// silencedHosts is optional in the response schema (older servers); blockedHosts is always there.
const metaSchema = z.object({ blockedHosts: z.array(z.unknown()), silencedHosts: z.array(z.unknown()).nullish() });

const HOST = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(\.(?!-)[a-z0-9-]{1,63})*(:\d{1,5})?$/;

/** Lower-case, no trailing dot; null when it is not a host we could send back. */
export function misskeyHost(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const h = blockKey(raw);
  return HOST.test(h) ? h : null;
}

export function misskeyBlock(domain: string, severity: 'suspend' | 'silence'): RemoteDomainBlock {
  return { domain, remoteId: null, severity, rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false };
}

export async function listMisskeyDomainBlocks(client: MisskeyClient): Promise<{ blocks: RemoteDomainBlock[]; skipped: SkippedItem[] }> {
  const { blocks, skipped } = await readMisskeyHostLists(client);
  return { blocks, skipped };
}

export async function readMisskeyHostLists(client: MisskeyClient): Promise<MisskeyHostLists> {
  const meta = parseRemote(metaSchema, await client.call('admin/meta', {}, { read: true }), 'admin/meta');
  const raw = { blockedHosts: meta.blockedHosts, silencedHosts: meta.silencedHosts ?? [] };
  const byDomain = new Map<string, RemoteDomainBlock>();
  const skipped: SkippedItem[] = [];
  const take = (list: unknown[], severity: 'suspend' | 'silence') => {
    for (const entry of list) {
      const domain = misskeyHost(entry);
      if (!domain) {
        skipped.push({ remoteId: null, error: `not a host name (${severity === 'suspend' ? 'blockedHosts' : 'silencedHosts'})`, raw: entry });
        continue;
      }
      if (!byDomain.has(domain)) byDomain.set(domain, misskeyBlock(domain, severity));
    }
  };
  take(raw.blockedHosts, 'suspend'); // first, so a host in both lists counts as blocked
  take(raw.silencedHosts, 'silence');
  const blocks = [...byDomain.values()].sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return { blocks, skipped, raw };
}
