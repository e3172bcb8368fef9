/** Test helper: a fake Lemmy on a random loopback port plus a connector wired to it (see ../shared/test-support). */
import { startFakeLemmy, type FakeLemmy, type FakeLemmyOptions } from '../../../e2e/fakes/lemmy/server';
import { withFakeConnector, type FakeConnectorSetup } from '../shared/test-support';
import type { LemmyApi } from './api-version';
import { createLemmyConnector } from './connector';

export { caught } from '../shared/test-support';
export type LemmySetup = FakeConnectorSetup<FakeLemmy>;

/** The Lemmy version a fake gets when a test asks for the v4 connector without naming one. */
export const LEMMY_1_0 = '1.0.0-beta.1';

export interface LemmyTestOptions extends FakeLemmyOptions {
  /** The connector's config.apiVersion; 'v4' also makes the fake a Lemmy 1.0 unless `version` says otherwise. */
  apiVersion?: LemmyApi;
}

export function withFakeLemmy(opts: LemmyTestOptions = {}, token?: (fake: FakeLemmy) => string): Promise<LemmySetup> {
  const { apiVersion, ...fakeOpts } = opts;
  const version = fakeOpts.version ?? (apiVersion === 'v4' ? LEMMY_1_0 : undefined);
  return withFakeConnector(() => startFakeLemmy({ port: 0, host: '127.0.0.1', ...fakeOpts, version }), createLemmyConnector, { token, config: { apiVersion } });
}
