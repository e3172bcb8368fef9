/** Test helper: a fake PeerTube on a random loopback port plus a connector wired to it (see ../shared/test-support). */
import { startFakePeerTube, type FakePeerTube, type FakePeerTubeOptions } from '../../../e2e/fakes/peertube/server';
import { withFakeConnector, type FakeConnectorSetup } from '../shared/test-support';
import { createPeerTubeConnector } from './connector';

export { caught } from '../shared/test-support';
export type PeerTubeSetup = FakeConnectorSetup<FakePeerTube>;

export function withFakePeerTube(opts: FakePeerTubeOptions = {}, token?: string): Promise<PeerTubeSetup> {
  return withFakeConnector(() => startFakePeerTube({ port: 0, host: '127.0.0.1', ...opts }), createPeerTubeConnector, { token });
}
