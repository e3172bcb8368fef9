/**
 * Blocklists on PeerTube: the instance's server block list (server/blocklist/servers, right MANAGE_SERVERS_BLOCKLIST).
 * A block is a full block keyed by host (no id, severity, flags or comment). The list pages with start/count (at most
 * 100) and a total; a reconcile reads it once, then POSTs missing hosts and DELETEs hosts whose target is null.
 * PeerTube upserts a block, so even a resend after a crash is harmless; what is already right is not sent at all.
 */
import { z } from 'zod';
import { isAppError } from '../../errors';
import { formatIssues } from '../shared/parse-remote';
import { skipItem } from '../shared/report-items';
import type { ActionResult, DomainBlockChange, RemoteDomainBlock, SkippedItem } from '../types';
import type { PeerTubeClient } from './client';
import { blockKey, listedDomain, reconcileEach } from '../shared/domain-blocks';
import { parseRemote } from './parse';

const PATH = '/api/v1/server/blocklist/servers';
const PAGE = 100;
// A server whose total keeps growing (or lies) must not hold the worker forever.
const MAX_PAGES = 1000;

const pageSchema = z.object({ total: z.number().int().min(0), data: z.array(z.unknown()) });
const entrySchema = z.object({
  blockedServer: z.object({
    host: z.string().max(300).transform((d, ctx) => listedDomain(d) ?? (ctx.addIssue({ code: 'custom', message: 'not a host name' }), z.NEVER)),
  }),
});

function fullBlock(host: string): RemoteDomainBlock {
  return { domain: listedDomain(host) ?? blockKey(host), remoteId: null, severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false };
}

export async function listServerBlocksPeerTube(client: PeerTubeClient): Promise<{ blocks: RemoteDomainBlock[]; skipped: SkippedItem[] }> {
  const blocks = new Map<string, RemoteDomainBlock>();
  const skipped: SkippedItem[] = [];
  let start = 0;
  for (let n = 0; n < MAX_PAGES; n++) {
    const page = parseRemote(pageSchema, await client.request('GET', PATH, { query: { start, count: PAGE, sort: 'createdAt' } }), 'server block list');
    for (const raw of page.data) {
      const parsed = entrySchema.safeParse(raw);
      if (parsed.success) blocks.set(blockKey(parsed.data.blockedServer.host), fullBlock(parsed.data.blockedServer.host));
      else skipped.push(skipItem(null, formatIssues(parsed.error), raw));
    }
    start += page.data.length;
    if (page.data.length === 0 || start >= page.total) break;
  }
  return { blocks: [...blocks.values()], skipped };
}

export async function reconcileServerBlocksPeerTube(client: PeerTubeClient, changes: DomainBlockChange[]): Promise<ActionResult> {
  const { blocks } = await listServerBlocksPeerTube(client);
  return reconcileEach(blocks, changes, async (host, target, existing) => {
    if (target === null) {
      if (!existing) return null;
      try {
        await client.request('DELETE', `${PATH}/${encodeURIComponent(host)}`);
      } catch (e) {
        // Lifted in between: the goal (no block) is reached.
        if (!(isAppError(e) && e.code === 'not_found')) throw e;
      }
      return null;
    }
    if (!existing) await client.request('POST', PATH, { json: { host } });
    return fullBlock(host);
  });
}
