/**
 * CLI for benchmarks: `npx tsx e2e/fakes/mastodon/main-scale.ts --reports 10000 [--seed 1]`: a fake Mastodon with
 * the scale seed (all reports open, pooled small images) and no practical rate limit. Runs in its own process so
 * the fake's CPU is not counted against the app. Prints one JSON line {"url","token","reports","images"}.
 */
import { parseArgs } from 'node:util';
import { applyScaleSeed } from './scale-seed';
import { startFakeMastodon } from './server';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });

const fake = await startFakeMastodon({
  reports: Number(values.reports),
  seed: Number(values.seed),
  domain: 'scale.test',
  rateLimit: { limit: 1_000_000, windowMs: 60_000 },
});
const seeded = await applyScaleSeed(fake.state);
process.stdout.write(`${JSON.stringify({ url: fake.url, token: fake.token, ...seeded })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    fake.close().finally(() => process.exit(0));
  });
}
