/** Test helper: a fake GoToSocial on a random loopback port plus a connector wired to it (see ../../shared/test-support). */
import { startFakeGoToSocial, type FakeGoToSocial, type FakeGoToSocialOptions } from '../../../../e2e/fakes/gotosocial/server';
import { withFakeConnector, type FakeConnectorSetup } from '../../shared/test-support';
import { createGoToSocialConnector } from '../connector';

export { caught } from '../../shared/test-support';
export type FakeSetup = FakeConnectorSetup<FakeGoToSocial>;

export function withFake(opts: FakeGoToSocialOptions = {}, token?: string): Promise<FakeSetup> {
  return withFakeConnector(() => startFakeGoToSocial({ port: 0, host: '127.0.0.1', ...opts }), createGoToSocialConnector, { token });
}
