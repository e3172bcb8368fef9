/**
 * CLI: `npx tsx e2e/fakes/hash-cloud/main.ts --port 4302 --key K --bank test-list=<hex>,<hex> [--label test-list=csam]`
 * Prints one JSON line {"url"} on stdout once listening, so parent processes can read it.
 */
import { parseArgs } from 'node:util';
import { banksFromArgs } from '../hma/banks-arg';
import { startFakeHashCloud } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' }, key: { type: 'string', default: 'fake-cloud-key' },
    bank: { type: 'string', multiple: true }, label: { type: 'string', multiple: true },
  },
});

const labels = Object.fromEntries((values.label ?? []).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
const fake = await startFakeHashCloud({ port: Number(values.port), key: values.key, banks: banksFromArgs(values.bank ?? []), labels });
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    fake.close().finally(() => process.exit(0));
  });
}
