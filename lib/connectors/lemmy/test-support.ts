/** Test helper: a fake Lemmy on a random loopback port plus a connector wired to it, with sleeps recorded. */
import { startFakeLemmy, type FakeLemmy, type FakeLemmyOptions } from '../../../e2e/fakes/lemmy/server';
import type { Connector } from '../types';
import type { LemmyApi } from './api-version';
import { createLemmyConnector } from './connector';

export interface LemmySetup {
  fake: FakeLemmy;
  connector: Connector;
  sleeps: number[];
}

/** The Lemmy version a fake gets when a test asks for the v4 connector without naming one. */
export const LEMMY_1_0 = '1.0.0-beta.1';

export interface LemmyTestOptions extends FakeLemmyOptions {
  /** The connector's config.apiVersion; 'v4' also makes the fake a Lemmy 1.0 unless `version` says otherwise. */
  apiVersion?: LemmyApi;
}

export async function withFakeLemmy(opts: LemmyTestOptions = {}, token?: (fake: FakeLemmy) => string): Promise<LemmySetup> {
  const { apiVersion, ...fakeOpts } = opts;
  const version = fakeOpts.version ?? (apiVersion === 'v4' ? LEMMY_1_0 : undefined);
  const fake = await startFakeLemmy({ port: 0, host: '127.0.0.1', ...fakeOpts, version });
  const sleeps: number[] = [];
  const connector = createLemmyConnector({
    baseUrl: fake.url,
    token: token ? token(fake) : fake.token,
    fetch: globalThis.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    apiVersion,
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
