/**
 * Test helpers every connector's tests share: a fake server on a random loopback port with a connector wired to
 * it over real HTTP (sleeps recorded, not slept), and small error helpers. Each connector's test-support file
 * only names its fake and its connector factory.
 */
import type { Connector, ConnectorConfig } from '../types';

export interface FakeConnectorSetup<F> {
  fake: F;
  connector: Connector;
  /** Every delay the connector asked to sleep, in ms; sleeping itself is skipped. */
  sleeps: number[];
}

export async function withFakeConnector<F extends { url: string; token: string }>(
  start: () => Promise<F>,
  create: (config: ConnectorConfig) => Connector,
  opts: { token?: string | ((fake: F) => string); config?: Partial<ConnectorConfig> } = {},
): Promise<FakeConnectorSetup<F>> {
  const fake = await start();
  const sleeps: number[] = [];
  const token = typeof opts.token === 'function' ? opts.token(fake) : opts.token ?? fake.token;
  const connector = create({
    baseUrl: fake.url,
    token,
    fetch: globalThis.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...opts.config,
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
