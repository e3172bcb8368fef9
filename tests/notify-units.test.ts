/**
 * The pure parts: the signature a receiver verifies (any change to body, time or secret breaks it; a stale time is
 * refused), the Matrix notice's HTML (summary and link escaped whatever they hold), the backoff schedule, and the
 * `notify` CLI group end to end against a real database (the secret from stdin is never printed).
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { backoffMs } from '@/lib/notify/deliver-notification';
import { matrixNotice } from '@/lib/notify/matrix-message';
import { signatureHeader, verifySignature } from '@/lib/notify/sign-payload';

const stdin = vi.hoisted(() => ({ text: '' }));
vi.mock('@/lib/cli/instance-token', async (orig) => ({
  ...(await orig<object>()),
  readStdinCapped: vi.fn(async () => {
    let s = '';
    for await (const c of Readable.from([stdin.text])) s += String(c);
    return s;
  }),
}));

describe('signature', () => {
  it('verifies what was signed, and nothing else', () => {
    fc.assert(fc.property(fc.string(), fc.string({ minLength: 1 }), fc.integer({ min: 1_000_000_000, max: 4_000_000_000 }), fc.string({ minLength: 1 }), (body, secret, t, other) => {
      const h = signatureHeader(secret, body, t);
      expect(h).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(h, body, secret, t + 299)).toBe(true);
      expect(verifySignature(h, body, secret, t + 301)).toBe(false);
      expect(verifySignature(h, body + other, secret, t)).toBe(false);
      if (other !== secret) expect(verifySignature(h, body, other, t)).toBe(false);
      expect(verifySignature(h.replace(`t=${t}`, `t=${t + 1}`), body, secret, t)).toBe(false);
    }));
    expect(verifySignature(undefined, '', 's', 0)).toBe(false);
    expect(verifySignature('garbage', '', 's', 0)).toBe(false);
  });
});

describe('matrix notice', () => {
  it('escapes the summary and link in the HTML, whatever they hold', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (summary, url) => {
      const n = matrixNotice({ summary, url });
      expect(n.body).toBe(`${summary}\n${url}`);
      const outsideTags = n.formatted_body.replace(/^.*?<br><a href="/s, '').replace(/">Open in Fedimod<\/a>$/, '');
      expect(outsideTags).not.toMatch(/[<>"]/);
      expect(n.formatted_body.split('<br>')[0]).not.toMatch(/[<>"]/);
    }));
  });
});

describe('backoff', () => {
  it('30 s doubling, capped at an hour', () => {
    expect([1, 2, 3, 7, 8, 9, 30].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000]);
  });
});

describe('notify CLI', () => {
  it('adds with --secret-stdin, lists, tests and removes, never printing the secret', async () => {
    const { runNotifyCommand } = await import('@/lib/notify/cli-notify');
    const actor = { type: 'system', label: 'cli' } as const;
    const lines: string[] = [];
    const out = (l: string) => void lines.push(l);
    stdin.text = 'cli-secret-0a9f\n';
    const add = { positional: ['notify', 'add'], flags: { name: 'Ops', kind: 'json', url: 'https://ops.example/hook', 'secret-stdin': true, events: 'hold.placed,hold.would_hold' } as Record<string, string | true> };
    expect(await runNotifyCommand('notify add', add, out, actor)).toBe(0);
    expect(await runNotifyCommand('notify add', add, out, actor)).toBe(1);
    expect(lines.at(-1)).toMatch(/already has that name/);
    expect(await runNotifyCommand('notify list', { positional: ['notify', 'list'], flags: { json: true } }, out, actor)).toBe(0);
    const [hook] = JSON.parse(lines.at(-1)!) as { id: string; events: string[] }[];
    expect(hook.events).toEqual(['hold.placed', 'hold.would_hold']);
    expect(await runNotifyCommand('notify add', { positional: ['notify', 'add'], flags: { name: 'X', kind: 'json', url: 'https://x.example' } }, out, actor)).toBe(1);
    expect(lines.at(-1)).toMatch(/signing secret/);
    expect(await runNotifyCommand('notify remove', { positional: ['notify', 'remove', hook.id], flags: {} }, out, actor)).toBe(0);
    expect(await runNotifyCommand('notify test', { positional: ['notify', 'test', hook.id], flags: {} }, out, actor)).toBe(1);
    expect(lines.join('\n')).not.toContain('cli-secret-0a9f');
  });
});
