/** Test helper: a fake Akkoma on a random loopback port plus a connector wired to it (see ../shared/test-support). */
import { startFakeAkkoma, type FakeAkkoma, type FakeAkkomaOptions } from '../../../e2e/fakes/akkoma/server';
import { withFakeConnector, type FakeConnectorSetup } from '../shared/test-support';
import { createAkkomaConnector } from './connector';

export { caught } from '../shared/test-support';
export type AkkomaSetup = FakeConnectorSetup<FakeAkkoma>;

export function withFakeAkkoma(opts: FakeAkkomaOptions = {}, token?: string): Promise<AkkomaSetup> {
  return withFakeConnector(() => startFakeAkkoma({ port: 0, host: '127.0.0.1', ...opts }), createAkkomaConnector, { token });
}
