/**
 * The domains an obfuscated entry ("ex*mple.com", or a digest) may stand for: every account domain we have seen,
 * every block on our instances, and what the other sources list. A list never "resolves" to a domain nobody here
 * has heard of, so a guess cannot block a stranger.
 */
import { db } from '@/lib/db';

export async function loadKnownDomains(exceptSourceId: string): Promise<Set<string>> {
  const [accounts, blocks, entries] = await Promise.all([
    db.account.findMany({ where: { domain: { not: null } }, distinct: ['domain'], select: { domain: true } }),
    db.instanceDomainBlock.findMany({ distinct: ['domain'], select: { domain: true } }),
    db.blocklistEntry.findMany({ where: { sourceId: { not: exceptSourceId }, obfuscatedAs: null }, distinct: ['domain'], select: { domain: true } }),
  ]);
  const known = new Set<string>();
  for (const r of accounts) if (r.domain) known.add(r.domain.toLowerCase());
  for (const r of blocks) known.add(r.domain);
  for (const r of entries) known.add(r.domain);
  return known;
}
