/**
 * One connector per instance per process (contract I7). A connector may hold a session: PeerTube's OAuth token,
 * Lemmy's JWT. Building a new one for every sync and every action signed in afresh each time, which tripped
 * PeerTube's login limit (15 per 5 minutes per IP) within a few actions and left a live root token behind each
 * time. So connectors are kept, keyed by everything they were built from; a changed instance (new token, URL,
 * kind, API version or address policy) gets a new connector and the old one is closed (its token revoked).
 * Connectors of instances that no longer exist are closed by a slow sweep, because removal may happen in another
 * process (the web app) than the one holding the session (the worker).
 */
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import type { Connector } from '@/lib/connectors/types';
import { logger } from '@/lib/log/logger';

const log = logger('connectors');
const SWEEP_EVERY_MS = 5 * 60_000;

interface Entry {
  key: string;
  connector: Promise<Connector>;
}

const cache = new Map<string, Entry>();
let sweeper: NodeJS.Timeout | null = null;

/** The cache key: a digest, so the sealed token is not kept twice in memory in readable form. */
export function connectorKey(parts: ReadonlyArray<string | boolean | null | undefined>): string {
  return createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\u0000')).digest('hex');
}

/** The cached connector for `instanceId` if it was built from the same `key`; otherwise builds (once) and caches. */
export function cachedConnector(instanceId: string, key: string, build: () => Promise<Connector>): Promise<Connector> {
  const hit = cache.get(instanceId);
  if (hit?.key === key) return hit.connector;
  if (hit) void closeQuietly(hit.connector); // the instance changed: end the old session
  const connector = build();
  cache.set(instanceId, { key, connector });
  // A failed build (unreadable token) is not cached: the next call tries again.
  connector.catch(() => {
    if (cache.get(instanceId)?.connector === connector) cache.delete(instanceId);
  });
  startSweeper();
  return connector;
}

/** Forgets the instance's connector and closes it (PeerTube: revokes its token). Used on removal. */
export async function dropConnector(instanceId: string): Promise<void> {
  const hit = cache.get(instanceId);
  cache.delete(instanceId);
  if (hit) await closeQuietly(hit.connector);
}

/** Closes every cached connector (shutdown, tests). */
export async function dropAllConnectors(): Promise<void> {
  const all = [...cache.keys()];
  await Promise.all(all.map((id) => dropConnector(id)));
}

/** Closes the connectors of instances that are gone; returns how many were closed. */
export async function sweepRemovedInstances(): Promise<number> {
  const ids = [...cache.keys()];
  if (ids.length === 0) return 0;
  const live = new Set((await db.instance.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id));
  const gone = ids.filter((id) => !live.has(id));
  await Promise.all(gone.map((id) => dropConnector(id)));
  return gone.length;
}

/** How many connectors are cached (tests). */
export function cachedConnectorCount(): number {
  return cache.size;
}

function startSweeper(): void {
  if (sweeper) return;
  sweeper = setInterval(() => {
    sweepRemovedInstances().catch((e) => log.warn('connector sweep failed', { error: e instanceof Error ? e.message : String(e) }));
  }, SWEEP_EVERY_MS);
  sweeper.unref(); // never keeps a process alive by itself
}

async function closeQuietly(connector: Promise<Connector>): Promise<void> {
  try {
    await (await connector).close?.();
  } catch {
    // Closing is best effort: an unreachable server keeps a token that expires on its own.
  }
}
