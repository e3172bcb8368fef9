/** Test helper: a fake Misskey on a random loopback port plus a connector wired to it (see ../../shared/test-support). */
import { startFakeMisskey, type FakeMisskey, type FakeMisskeyOptions } from '../../../../e2e/fakes/misskey/server';
import type { FetchLike } from '../../types';
import { withFakeConnector, type FakeConnectorSetup } from '../../shared/test-support';
import { createMisskeyConnector } from '../connector';

export { caught, errorText } from '../../shared/test-support';
export type FakeSetup = FakeConnectorSetup<FakeMisskey>;

export function withFake(opts: FakeMisskeyOptions = {}, token?: string, fetch: FetchLike = globalThis.fetch): Promise<FakeSetup> {
  return withFakeConnector(() => startFakeMisskey({ port: 0, host: '127.0.0.1', ...opts }), createMisskeyConnector, { token, config: { fetch } });
}
