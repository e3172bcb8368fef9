/**
 * CLI: `npx tsx e2e/fakes/mastodon/main.ts --port 4101 --reports 30 --seed 1 --domain alpha.test`
 * `--known-bad original|reencoded-rotated [--known-bad-reported]` adds the federated known-bad copy (../federation).
 * Prints one JSON line {"url","token"} on stdout once listening, so parent processes can read it.
 */
import { parseArgs } from 'node:util';
import { startFakeMastodon } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    reports: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    domain: { type: 'string' },
    title: { type: 'string' },
    token: { type: 'string' },
    scopes: { type: 'string' }, // space- or comma-separated
    'known-bad': { type: 'string' },
    'known-bad-reported': { type: 'boolean', default: false },
  },
});

const fake = await startFakeMastodon({
  port: Number(values.port),
  reports: Number(values.reports),
  seed: Number(values.seed),
  domain: values.domain,
  title: values.title,
  token: values.token,
  scopes: values.scopes?.split(/[\s,]+/).filter(Boolean),
  knownBad: values['known-bad']
    ? { variant: values['known-bad'] === 'reencoded-rotated' ? 'reencoded-rotated' : 'original', reported: values['known-bad-reported'] }
    : undefined,
});
process.stdout.write(`${JSON.stringify({ url: fake.url, token: fake.token })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    fake.close().finally(() => process.exit(0));
  });
}
