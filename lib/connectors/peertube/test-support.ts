/** Test helper: a fake PeerTube on a random loopback port plus a connector wired to it, with sleeps recorded. */
import { startFakePeerTube, type FakePeerTube, type FakePeerTubeOptions } from '../../../e2e/fakes/peertube/server';
import type { Connector } from '../types';
import { createPeerTubeConnector } from './connector';

export interface PeerTubeSetup {
  fake: FakePeerTube;
  connector: Connector;
  sleeps: number[];
}

export async function withFakePeerTube(opts: FakePeerTubeOptions = {}, token?: string): Promise<PeerTubeSetup> {
  const fake = await startFakePeerTube({ port: 0, host: '127.0.0.1', ...opts });
  const sleeps: number[] = [];
  const connector = createPeerTubeConnector({
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
