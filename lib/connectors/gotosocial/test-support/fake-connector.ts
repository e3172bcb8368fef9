/** Test helper: a fake GoToSocial on a random loopback port plus a connector wired to it over real HTTP. */
import { startFakeGoToSocial, type FakeGoToSocial, type FakeGoToSocialOptions } from '../../../../e2e/fakes/gotosocial/server';
import type { Connector } from '../../types';
import { createGoToSocialConnector } from '../connector';

export interface FakeSetup {
  fake: FakeGoToSocial;
  connector: Connector;
  /** Every delay the connector asked to sleep, in ms; sleeping itself is skipped. */
  sleeps: number[];
}

export async function withFake(opts: FakeGoToSocialOptions = {}, token?: string): Promise<FakeSetup> {
  const fake = await startFakeGoToSocial({ port: 0, host: '127.0.0.1', ...opts });
  const sleeps: number[] = [];
  const connector = createGoToSocialConnector({
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
