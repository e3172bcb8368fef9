/**
 * The demo's blocklists (used by scripts/demo.ts only): a local list host (e2e/fakes/blocklist) on a fixed port
 * serving two synthetic lists, subscribed once through the app's own verbs as a system actor and fetched at once,
 * and one block made "by hand" on the first Mastodon, so the preview shows a diff with every kind of line before
 * anyone applies anything. Every domain is under the reserved .example TLD.
 */
import type { Ctx } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import { addSource } from '@/lib/blocklists/sources/add-source';
import { fetchSource } from '@/lib/blocklists/sources/fetch-source';
import { startBlocklistHost, type BlocklistHost } from '../../e2e/fakes/blocklist/server';

export const DEMO_BLOCKLIST_PORT = 4110;
const ctx: Ctx = { actor: { type: 'system', label: 'demo' } };

const COLLECTIVE_CSV = [
  '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate',
  'spam-farm.example,suspend,true,true,Automated spam,false',
  'harassment-hub.example,suspend,false,true,Coordinated harassment,false',
  'slop-mirror.example,silence,true,false,Scraped and reposted content,false',
  'noisy-bots.example,silence,false,false,Unlabelled bots,false',
  'handmade.example,suspend,false,false,,false',
  'media-dump.example,noop,true,false,Unmoderated media,false',
].join('\n');

const NEIGHBOUR_TXT = [
  '# A neighbouring collective\'s plain list: one domain per line',
  'spam-farm.example',
  'harassment-hub.example',
  'slop-mirror.example',
  'handmade.example',
  '*.crypto-scam.example',
  'this line is not a domain',
].join('\n');

export async function startDemoBlocklists(): Promise<BlocklistHost> {
  const host = await startBlocklistHost({ port: DEMO_BLOCKLIST_PORT });
  host.setList('/collective.csv', COLLECTIVE_CSV, 'text/csv');
  host.setList('/neighbours.txt', NEIGHBOUR_TXT, 'text/plain');
  return host;
}

/** Subscribes the demo database to both lists (once) and marks one block as made in Mastodon's own admin. */
export async function configureDemoBlocklists(host: BlocklistHost, mastodonUrl: string | null): Promise<string> {
  for (const [path, name, trusted] of [['/collective.csv', 'Our collective', false], ['/neighbours.txt', 'Neighbours', false]] as const) {
    const url = `${host.url}${path}`;
    const existing = await db.blocklistSource.findFirst({ where: { url }, select: { id: true } });
    const id = existing?.id ?? (await addSource({ ctx, input: { url, name, trusted, allowPrivate: true } })).id;
    await fetchSource(id, { actor: ctx.actor });
  }
  if (mastodonUrl) {
    // As if the Mastodon's admin had blocked it in Mastodon's own pages: the preview keeps it ("blocked by hand").
    await fetch(`${mastodonUrl}/__fake/domain-blocks`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ domain: 'handmade.example', severity: 'silence' }),
    }).catch(() => undefined);
  }
  return `Blocklists: two synthetic lists served at ${host.url} are subscribed; review them at /blocklists/preview (nothing is applied until you apply).`;
}
