import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('fake Mastodon CLI', () => {
  it('prints {"url","token"} once listening and serves the seeded reports', async () => {
    const main = path.join(import.meta.dirname, 'main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--reports', '7', '--seed', '4', '--domain', 'cli.test', '--token', 'cli-token'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
      const info = JSON.parse(chunk.toString('utf8').split('\n')[0]) as { url: string; token: string };
      expect(info.token).toBe('cli-token');
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${info.url}/__fake/state`);
      const state = await res.json();
      expect(state.domain).toBe('cli.test');
      expect(state.reports.total).toBe(7);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
