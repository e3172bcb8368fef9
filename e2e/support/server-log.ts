import fs from 'node:fs';

/** The one-time setup link is printed only in the server log (playwright.config.ts tees it to this file). */
export async function readSetupLink(logFile = '.data/e2e-server.log', timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    const m = /(http:\/\/[^\s]+\/setup\?token=[A-Za-z0-9_-]+)/.exec(text);
    if (m) return m[1];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('setup link not found in the server log');
}

export function serverLog(logFile = '.data/e2e-server.log'): string {
  return fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
}
