/** Test helper: a fake Akkoma on a random loopback port plus a connector wired to it, with sleeps recorded. */
import { startFakeAkkoma, type FakeAkkoma, type FakeAkkomaOptions } from '../../../e2e/fakes/akkoma/server';
import type { Connector } from '../types';
import { createAkkomaConnector } from './connector';

export interface AkkomaSetup {
  fake: FakeAkkoma;
  connector: Connector;
  sleeps: number[];
}

export async function withFakeAkkoma(opts: FakeAkkomaOptions = {}, token?: string): Promise<AkkomaSetup> {
  const fake = await startFakeAkkoma({ port: 0, host: '127.0.0.1', ...opts });
  const sleeps: number[] = [];
  const connector = createAkkomaConnector({
    baseUrl: fake.url,
    token: token ?? fake.token,
    fetch: globalThis.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { fake, connector, sleeps };
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
