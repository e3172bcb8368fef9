/**
 * Issue 8 points 7d and 11: `instances add` takes the token from stdin or FEDIMOD_INSTANCE_TOKEN (a --token
 * argument is visible in the process list; it still works, with a warning), and prints the connection checks,
 * above all when verification fails and the message says "see the checks below".
 */
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeMastodon, type FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { readStdinCapped, resolveInstanceToken } from '@/lib/cli/instance-token';
import { resetEnvCache } from '@/lib/env';

vi.mock('@/lib/jobs/enqueue', () => ({ enqueueInstanceSync: vi.fn(async () => undefined) }));

let fake: FakeMastodon;
beforeAll(async () => {
  fake = await startFakeMastodon({ reports: 1, seed: 5, token: 'cli-token-0123456789', scopes: ['read', 'admin:read:accounts'] });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  delete process.env.FEDIMOD_INSTANCE_TOKEN;
  resetEnvCache();
});

describe('instances add token sources', () => {
  const quiet = { readStdin: async () => '', envToken: undefined, warn: () => undefined };

  it('reads --token-stdin, trimming the trailing newline', async () => {
    expect(await resolveInstanceToken({ 'token-stdin': true }, { ...quiet, readStdin: async () => 'tok-123456789\n' })).toBe('tok-123456789');
    expect(await readStdinCapped(Readable.from(['abc', 'def\n']))).toBe('abcdef\n');
    await expect(readStdinCapped(Readable.from([Buffer.alloc(9000, 0x61)]))).rejects.toThrow(/8 KB/);
    await expect(resolveInstanceToken({ 'token-stdin': true }, quiet)).rejects.toThrow(/nothing on stdin/);
  });

  it('falls back to FEDIMOD_INSTANCE_TOKEN, and warns for --token', async () => {
    expect(await resolveInstanceToken({}, { ...quiet, envToken: 'from-env-123456' })).toBe('from-env-123456');
    const warnings: string[] = [];
    expect(await resolveInstanceToken({ token: 'on-argv-123456' }, { ...quiet, warn: (l) => warnings.push(l) })).toBe('on-argv-123456');
    expect(warnings.join()).toMatch(/process list/);
    await expect(resolveInstanceToken({}, quiet)).rejects.toThrow(/FEDIMOD_INSTANCE_TOKEN/);
  });
});

describe('instances add prints its checks', () => {
  it('prints each failed check before the error', async () => {
    process.env.FEDIMOD_INSTANCE_TOKEN = 'cli-token-0123456789';
    resetEnvCache();
    const out: string[] = [];
    const run = runCommand(parseArgs(['instances', 'add', '--url', fake.url, '--allow-private']), (l) => out.push(l));
    await expect(run).rejects.toMatchObject({ userMessage: expect.stringMatching(/checks below/) });
    const text = out.join('\n');
    expect(text).toMatch(/^Checks:/);
    expect(text).toMatch(/FAIL\s+admin:read:reports/);
    expect(text).not.toContain('cli-token-0123456789');
  });
});
