/** Test helper: a fake Lemmy on a random loopback port plus a connector wired to it, with sleeps recorded. */
import { startFakeLemmy, type FakeLemmy, type FakeLemmyOptions } from '../../../e2e/fakes/lemmy/server';
import type { Connector } from '../types';
import { createLemmyConnector } from './connector';

export interface LemmySetup {
  fake: FakeLemmy;
  connector: Connector;
  sleeps: number[];
}

export async function withFakeLemmy(opts: FakeLemmyOptions = {}, token?: (fake: FakeLemmy) => string): Promise<LemmySetup> {
  const fake = await startFakeLemmy({ port: 0, host: '127.0.0.1', ...opts });
  const sleeps: number[] = [];
  const connector = createLemmyConnector({
    baseUrl: fake.url,
    token: token ? token(fake) : fake.token,
    fetch: globalThis.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { fake, connector, sleeps };
}

export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
