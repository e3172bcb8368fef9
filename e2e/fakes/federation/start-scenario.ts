/**
 * The known-bad scenario as `npm run demo`, the Playwright specs and the integration tests start it: the demo's
 * eight fake servers (their ordinary synthetic reports kept), five of which also hold a federated copy of the ONE
 * known-bad test post (./known-bad.ts), reported on two of them. Which server holds what is decided here once, so
 * the demo, its bank and the tests cannot drift apart:
 *
 *   alpha.test Mastodon   reported      beta.test Mastodon   unreported    GoToSocial  unreported, re-encoded + rotated
 *   Akkoma                unreported    Misskey              reported      Lemmy 0.19  unreported
 *   PeerTube              nothing (it cannot hold an image post; its lookup says it cannot check)
 *   Lemmy 1.0             nothing
 *
 * The GoToSocial copy differs in bytes, so only PDQ (under a dihedral variant) recognises it.
 */
// Relative, like the specs' imports of lib/: Playwright and tsx load this file too.
import { createMemoryBudget } from '../../../lib/media/memory-budget';
import { prepareMedia } from '../../../lib/media/prepare-media';
import { startFakeAkkoma } from '../akkoma/server';
import { startFakeGoToSocial } from '../gotosocial/server';
import { startFakeLemmy } from '../lemmy/server';
import { startFakeMastodon } from '../mastodon/server';
import { startFakeMisskey } from '../misskey/server';
import { startFakePeerTube } from '../peertube/server';
import { knownBadImage, type FederatedCopyOptions } from './known-bad';

export type ScenarioSlot = 'alpha' | 'beta' | 'gotosocial' | 'akkoma' | 'misskey' | 'lemmy' | 'peertube' | 'lemmyOne';
export type ScenarioKind = 'mastodon' | 'gotosocial' | 'akkoma' | 'misskey' | 'lemmy' | 'peertube';

export interface ScenarioFake {
  /** Which of the scenario's servers this is (stable across runs, unlike the URL). */
  name: ScenarioSlot;
  kind: ScenarioKind;
  url: string;
  /** What the dashboard connects with (for Lemmy and PeerTube: the JSON credentials string). */
  token: string;
  /** What this server holds of the known-bad post; null: nothing. */
  knownBad: FederatedCopyOptions | null;
  close(): Promise<void>;
}

export interface KnownBadScenario {
  fakes: ScenarioFake[];
  /** The fake in a slot (throws if the scenario was started without it). */
  fake(slot: ScenarioSlot): ScenarioFake;
  close(): Promise<void>;
}

export interface KnownBadScenarioOptions {
  /** Every fake answers after about this long (benchmarks and realistic demos). */
  latencyMs?: number;
  /** Fixed ports (the demo's, so its database keeps recognising its instances); default: random free ports. */
  ports?: Partial<Record<ScenarioSlot, number>>;
  /** Background reports per fake: one number for all, or per slot (default: the demo's counts). */
  reports?: number | Partial<Record<ScenarioSlot, number>>;
  /** Start only these slots (default: all eight, in the order above). */
  only?: ScenarioSlot[];
  /** Tests: what a slot holds instead of the plan's (null: nothing). */
  knownBad?: Partial<Record<ScenarioSlot, FederatedCopyOptions | null>>;
}

/** The demo's (and the Playwright spec's) match bank for the known-bad image. */
export const KNOWN_BAD_BANK = { name: 'Demo known-bad (synthetic)', label: 'csam', severity: 5 } as const;

interface SlotPlan {
  kind: ScenarioKind;
  reports: number;
  knownBad: FederatedCopyOptions | null;
  start(o: { port?: number; reports: number; latencyMs?: number; knownBad?: FederatedCopyOptions }): Promise<{ url: string; token: string; close(): Promise<void> }>;
}

// Seeds, domains and tokens are the demo's since issue 1: an existing .data/demo database still matches them.
export const SCENARIO_PLAN: Record<ScenarioSlot, SlotPlan> = {
  alpha: {
    kind: 'mastodon', reports: 36, knownBad: { reported: true },
    start: (o) => startFakeMastodon({ ...o, seed: 1, domain: 'alpha.test', title: 'Alpha Social', token: 'demo-alpha-admin-token' }),
  },
  beta: {
    kind: 'mastodon', reports: 24, knownBad: { reported: false },
    start: (o) => startFakeMastodon({ ...o, seed: 2, domain: 'beta.test', title: 'Beta Town', token: 'demo-beta-admin-token' }),
  },
  gotosocial: {
    kind: 'gotosocial', reports: 12, knownBad: { reported: false, variant: 'reencoded-rotated' },
    start: (o) => startFakeGoToSocial({ ...o, seed: 3, token: 'demo-gts-admin-token' }),
  },
  akkoma: {
    kind: 'akkoma', reports: 12, knownBad: { reported: false },
    start: (o) => startFakeAkkoma({ ...o, seed: 4, token: 'demo-akkoma-admin-token' }),
  },
  misskey: {
    kind: 'misskey', reports: 12, knownBad: { reported: true },
    start: (o) => startFakeMisskey({ ...o, seed: 5, token: 'demo-misskey-admin-token' }),
  },
  lemmy: {
    kind: 'lemmy', reports: 12, knownBad: { reported: false },
    start: (o) => startFakeLemmy({ ...o, seed: 6 }),
  },
  peertube: { kind: 'peertube', reports: 12, knownBad: null, start: (o) => startFakePeerTube({ ...o, seed: 7 }) },
  lemmyOne: {
    kind: 'lemmy', reports: 12, knownBad: null,
    start: (o) => startFakeLemmy({ ...o, seed: 8, version: '1.0.0', domain: 'lemmy-one.test' }),
  },
};

export const SCENARIO_SLOTS: readonly ScenarioSlot[] = ['alpha', 'beta', 'gotosocial', 'akkoma', 'misskey', 'lemmy', 'peertube', 'lemmyOne'];

export async function startKnownBadScenario(opts: KnownBadScenarioOptions = {}): Promise<KnownBadScenario> {
  const fakes: ScenarioFake[] = [];
  const close = async () => {
    await Promise.all(fakes.map((f) => f.close()));
  };
  try {
    // One after another: fixed demo ports then come up in a predictable order and a clash names its slot.
    for (const name of opts.only ?? SCENARIO_SLOTS) {
      const plan = SCENARIO_PLAN[name];
      const reports = typeof opts.reports === 'number' ? opts.reports : (opts.reports?.[name] ?? plan.reports);
      const knownBad = opts.knownBad && name in opts.knownBad ? (opts.knownBad[name] ?? null) : plan.knownBad;
      const started = await plan.start({
        port: opts.ports?.[name], reports, latencyMs: opts.latencyMs, ...(knownBad ? { knownBad } : {}),
      }).catch((e: unknown) => {
        throw new Error(`scenario: could not start ${name} (${plan.kind}): ${e instanceof Error ? e.message : String(e)}`);
      });
      fakes.push({ name, kind: plan.kind, url: started.url, token: started.token, knownBad, close: started.close });
    }
  } catch (e) {
    await close();
    throw e;
  }
  return {
    fakes,
    fake: (slot) => {
      const hit = fakes.find((f) => f.name === slot);
      if (!hit) throw new Error(`scenario: ${slot} was not started`);
      return hit;
    },
    close,
  };
}

export interface KnownBadHashes {
  pdqHex: string;
  pdqQuality: number;
  md5: string;
  sha256: string;
}

let hashes: Promise<KnownBadHashes> | null = null;

/**
 * The hashes of the ORIGINAL known-bad file exactly as the app computes them when it ingests a copy (the same
 * prepareMedia: one decode, the same PDQ), so a bank built from them matches what sync stores.
 */
export function knownBadHashes(): Promise<KnownBadHashes> {
  hashes ??= (async () => {
    const prepared = await prepareMedia(await knownBadImage('original'), { maxPixels: 50_000_000, budget: createMemoryBudget(512 * 1024 * 1024) });
    if (!prepared.pdq) throw new Error('scenario: the known-bad image did not hash');
    return { pdqHex: prepared.pdq.hash, pdqQuality: prepared.pdq.quality, md5: prepared.md5, sha256: prepared.sha256 };
  })();
  return hashes;
}
