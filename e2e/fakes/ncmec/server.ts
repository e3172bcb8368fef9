/**
 * startFakeNcmec: a fake NCMEC CyberTipline reporting service (ISPWS) on node:http. The client's base URL is
 * `<url>/ispws`, like https://exttest.cybertip.org/ispws. State lives in memory; tests may read it directly or
 * through GET /__fake/reports.
 */
import { serveFake } from '../serve-fake';
import { handle } from './routes';
import { FakeNcmecState } from './state';

export interface FakeNcmecOptions {
  port?: number; // 0 (default) = a random free port
  /** Answer every request after about this many milliseconds (a service across the internet). */
  latencyMs?: number;
  username: string;
  password: string;
  /** HTTP status for answers with a nonzero responseCode (default 200; see FakeNcmecState.errorStatus). */
  errorStatus?: number;
}

export interface FakeNcmec {
  /** The server root; the service lives under `${url}/ispws`. */
  url: string;
  state: FakeNcmecState;
  close(): Promise<void>;
}

export async function startFakeNcmec(opts: FakeNcmecOptions): Promise<FakeNcmec> {
  const state = new FakeNcmecState(opts.username, opts.password);
  state.errorStatus = opts.errorStatus ?? 200;
  // serveFake also answers NodeInfo; harmless here, and it keeps one listener/close shape for every fake.
  const served = await serveFake({ name: 'ncmec-cybertipline', version: 'fake' }, opts, (req, res) => handle(state, req, res));
  state.baseUrl = served.baseUrl;
  return { url: served.baseUrl, state, close: served.close };
}
