/** Test helper: a fake Mastodon on a random loopback port plus a connector wired to it (see ../../shared/test-support). */
import { startFakeMastodon, type FakeMastodon, type FakeMastodonOptions } from '../../../../e2e/fakes/mastodon/server';
import { withFakeConnector, type FakeConnectorSetup } from '../../shared/test-support';
import { createMastodonConnector } from '../connector';

export { caught } from '../../shared/test-support';
export type FakeSetup = FakeConnectorSetup<FakeMastodon>;

export function withFake(opts: FakeMastodonOptions = {}, token?: string): Promise<FakeSetup> {
  return withFakeConnector(() => startFakeMastodon({ port: 0, host: '127.0.0.1', ...opts }), createMastodonConnector, { token });
}
