/**
 * Shared by the purge engine tests: real fakes holding a federated copy of the known-bad post, connected with the
 * real connectors, a case opened from the reported copy on a Mastodon, and the other copies found by the real copy
 * lookups (so every copy carries the ids its instance really has). Any fake can sit behind a fault proxy.
 */
import { db } from '@/lib/db';
import { openCase } from '@/lib/cases/open-case';
import { requestCopySearch } from '@/lib/cases/request-copy-search';
import { runCopySearch } from '@/lib/cases/run-copy-search';
import { addInstance } from '@/lib/instances/add-instance';
import { syncInstance } from '@/lib/sync/sync-instance';
import { KNOWN_BAD } from '@/e2e/fakes/federation/known-bad';
import { startFaultProxy, type FaultProxy, type FaultRule } from '@/e2e/fakes/fault-proxy';
import { startFakeMastodon } from '@/e2e/fakes/mastodon/server';
import { systemActor } from './support/fixtures';

/** A proxied fake needs its kind: detection reads nodeinfo links that point at the fake, not the proxy. */
type Kind = 'auto' | 'misskey' | 'mastodon' | 'akkoma' | 'gotosocial' | 'lemmy' | 'peertube';

export interface Started { url: string; token: string; close(): Promise<void> }
export interface WorldFake { name: string; url: string; instanceId: string; proxy: FaultProxy | null; close(): Promise<void> }

export interface World {
  caseId: string;
  fakes: Map<string, WorldFake>;
  close(): Promise<void>;
}

export async function purgeWorld(others: { name: string; start: () => Promise<Started>; faults?: FaultRule[]; kind?: Kind }[], seed = 1000): Promise<World> {
  const fakes = new Map<string, WorldFake>();
  const connect = async (name: string, fake: Started, faults?: FaultRule[], kind: Kind = 'auto') => {
    const proxy = faults ? await startFaultProxy(fake.url, faults) : null;
    const added = await addInstance({ ctx: { actor: systemActor }, input: { kind, baseUrl: proxy?.url ?? fake.url, token: fake.token, allowPrivate: true, name } });
    await db.instance.update({ where: { id: added.id }, data: { syncEnabled: false } });
    fakes.set(name, { name, url: fake.url, instanceId: added.id, proxy, close: async () => { await proxy?.close(); await fake.close(); } });
  };
  await connect('origin-reporter', await startFakeMastodon({ reports: 1, seed, domain: `m${seed}.test`, knownBad: { reported: true } }));
  for (const o of others) await connect(o.name, await o.start(), o.faults, o.kind);
  const m = fakes.get('origin-reporter')!;
  await syncInstance(m.instanceId);
  const report = await db.report.findFirstOrThrow({ where: { instanceId: m.instanceId, comment: KNOWN_BAD.reportComment } });
  const { caseId } = await openCase({ ctx: { actor: systemActor }, input: { reportId: report.id } });
  await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
  await runCopySearch(caseId);
  return { caseId, fakes, close: async () => { for (const f of fakes.values()) await f.close(); } };
}

export interface RemovalCall { method: string; path: string; at: string }

export async function destructiveCalls(url: string): Promise<RemovalCall[]> {
  const res = await fetch(`${url}/__fake/destructive-calls`);
  if (res.status !== 200) throw new Error(`GET /__fake/destructive-calls answered ${res.status}`);
  return (await res.json()) as RemovalCall[];
}
