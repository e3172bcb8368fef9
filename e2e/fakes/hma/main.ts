/**
 * CLI: `npx tsx e2e/fakes/hma/main.ts --port 4301 --bank test-bank=<hex>,<hex> [--bank other=<hex>] [--token T]`
 * Prints one JSON line {"url"} on stdout once listening, so parent processes can read it.
 */
import { parseArgs } from 'node:util';
import { startFakeHma } from './server';
import { banksFromArgs } from './banks-arg';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, bank: { type: 'string', multiple: true }, token: { type: 'string' } },
});

const fake = await startFakeHma({ port: Number(values.port), banks: banksFromArgs(values.bank ?? []), token: values.token });
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    fake.close().finally(() => process.exit(0));
  });
}
