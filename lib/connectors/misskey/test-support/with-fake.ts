/** Test helper: a fake Misskey on a random loopback port plus a connector wired to it (no-op sleep). */
import { startFakeMisskey, type FakeMisskey, type FakeMisskeyOptions } from '../../../../e2e/fakes/misskey/server';
import type { Connector, FetchLike } from '../../types';
import { createMisskeyConnector } from '../connector';

export interface FakeSetup {
  fake: FakeMisskey;
  connector: Connector;
  /** Every delay the connector asked to sleep, in ms; sleeping itself is skipped. */
  sleeps: number[];
}

export async function withFake(opts: FakeMisskeyOptions = {}, token?: string, fetch: FetchLike = globalThis.fetch): Promise<FakeSetup> {
  const fake = await startFakeMisskey({ port: 0, host: '127.0.0.1', ...opts });
  const sleeps: number[] = [];
  const connector = createMisskeyConnector({
    baseUrl: fake.url,
    token: token ?? fake.token,
    fetch,
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

/** Everything an error could leak, flattened to one string. */
export function errorText(e: unknown): string {
  const err = e as Error & { userMessage?: string; details?: unknown };
  return [err.message, err.userMessage, JSON.stringify(err.details ?? null), String(err.stack)].join('\n');
}
