/**
 * bench:cases fixtures: the fake instances (started in this process, each with its own internet-like latency) and
 * the bulk insert of many open cases. Demo and bench wiring lives in scripts/, never in lib/.
 */
import type { PrismaClient } from '../lib/generated/prisma/client';
import { startFakeMastodon } from '../e2e/fakes/mastodon/server';
import { startFakeGoToSocial } from '../e2e/fakes/gotosocial/server';
import { startFakeMisskey } from '../e2e/fakes/misskey/server';
import { startFakeLemmy } from '../e2e/fakes/lemmy/server';
import { startFakeAkkoma } from '../e2e/fakes/akkoma/server';
import type { FederatedCopyOptions } from '../e2e/fakes/federation/known-bad';

interface Fake { url: string; token: string; close(): Promise<void> }
type Start = (o: { reports: number; seed: number; domain: string; latencyMs: number; knownBad?: FederatedCopyOptions }) => Promise<Fake>;

/** Every 10 instances: 6 Mastodon and one each of the other kinds that can hold an image post. */
const MIX: [string, Start][] = [
  ['mastodon', (o) => startFakeMastodon(o)], ['mastodon', (o) => startFakeMastodon(o)], ['gotosocial', (o) => startFakeGoToSocial(o)],
  ['mastodon', (o) => startFakeMastodon(o)], ['misskey', ({ domain: _d, ...o }) => startFakeMisskey(o)], ['mastodon', (o) => startFakeMastodon(o)],
  ['lemmy', (o) => startFakeLemmy(o)], ['mastodon', (o) => startFakeMastodon(o)], ['akkoma', (o) => startFakeAkkoma(o)], ['mastodon', (o) => startFakeMastodon(o)],
];

export interface BenchFake { kind: string; fake: Fake; holdsCopy: boolean }

/**
 * Instance 0 holds the reported copy; about half of the others (and of each kind) hold an unreported one: in even
 * tens the even positions, in odd tens the odd ones, so Mastodons hold copies as often as the other kinds.
 */
export async function startBenchFakes(n: number): Promise<BenchFake[]> {
  return Promise.all(Array.from({ length: n }, async (_, i) => {
    const [kind, start] = MIX[i % MIX.length];
    const holdsCopy = i % 2 === Math.floor(i / 10) % 2;
    const latencyMs = 60 + Math.round(Math.random() * 60);
    const fake = await start({ reports: 2, seed: 1000 + i, domain: `bench-${i}.test`, latencyMs, ...(holdsCopy ? { knownBad: { reported: i === 0 } } : {}) });
    return { kind, fake, holdsCopy };
  }));
}

/** Many open cases, each recognised by one random PDQ (CaseSignal), in bulk. Returns each case's id and hash. */
export async function insertBenchCases(db: PrismaClient, n: number, pdq: () => string): Promise<{ caseId: string; pdq: string }[]> {
  const out: { caseId: string; pdq: string }[] = [];
  const CHUNK = 1000;
  for (let at = 0; at < n; at += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, n - at) }, () => ({ id: crypto.randomUUID(), pdq: pdq() }));
    await db.case.createMany({
      data: rows.map((r, k) => ({ id: r.id, title: `Bench case ${at + k}`, openedVia: 'auto', openedByLabel: 'system:bench', severity: 1 + ((at + k) % 5), pdqHash: r.pdq, pdqQuality: 100 })),
    });
    await db.caseSignal.createMany({ data: rows.map((r) => ({ caseId: r.id, signalType: 'pdq' as const, value: r.pdq })) });
    out.push(...rows.map((r) => ({ caseId: r.id, pdq: r.pdq })));
  }
  return out;
}
