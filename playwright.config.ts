import { defineConfig } from '@playwright/test';

/**
 * End to end against the real app: `npm start` (build if needed, embedded Postgres, web + worker) on its own
 * data folder and ports, with fake fediverse servers from e2e/fakes started by the specs.
 */
const PORT = 3311;
export const E2E_DATA_DIR = '.data/e2e';

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // A fresh data folder each run; the server log is kept so the owner-setup test can read the one-time link.
    command: `rm -rf ${E2E_DATA_DIR} && mkdir -p ${E2E_DATA_DIR} && npm start 2>&1 | tee ${E2E_DATA_DIR}-server.log`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    // A first start builds the app (next build with its type check): over five minutes on a loaded machine.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: E2E_DATA_DIR,
      EMBEDDED_PG_PORT: '54359',
      SYNC_INTERVAL_SECONDS: '30',
      APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    },
  },
});
