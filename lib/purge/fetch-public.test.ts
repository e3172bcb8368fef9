import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@/lib/net/test-server';
import { fetchPublic, onInstanceHost } from './fetch-public';

const BYTES = Buffer.from('synthetic file bytes');
let server: TestServer;
let other: TestServer;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    seen.push(req.headers);
    if (req.url === '/file.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(BYTES);
    if (req.url === '/moved') return void res.writeHead(302, { location: '/file.png' }).end();
    if (req.url === '/away') return void res.writeHead(302, { location: `${other.origin}/file.png` }).end();
    if (req.url === '/gone') return void res.writeHead(410).end('gone');
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 500);
    res.writeHead(404).end('not found');
  });
  other = await startTestServer((_req, res) => res.writeHead(200).end(BYTES));
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const inst = () => ({ baseUrl: server.origin, domain: '127.0.0.1', allowPrivate: true });

describe('onInstanceHost', () => {
  it('takes the instance host (with its port) and subdomains of a named domain only', () => {
    const social = { baseUrl: 'https://example.social', domain: 'example.social', allowPrivate: false };
    expect(onInstanceHost('https://example.social/system/a.png', social)).toBe(true);
    expect(onInstanceHost('https://files.example.social/a.png', social)).toBe(true);
    expect(onInstanceHost('https://example.social.evil.test/a.png', social)).toBe(false);
    expect(onInstanceHost('https://cdn.other.test/a.png', social)).toBe(false);
    expect(onInstanceHost('ftp://example.social/a.png', social)).toBe(false);
    expect(onInstanceHost('not a url', social)).toBe(false);
    // On loopback every fake is another port of the same address: another port is another server.
    expect(onInstanceHost('http://127.0.0.1:9/a.png', { baseUrl: 'http://127.0.0.1:8', domain: '127.0.0.1', allowPrivate: true })).toBe(false);
  });
});

describe('fetchPublic', () => {
  it('hashes what is served, sending no credentials', async () => {
    const got = await fetchPublic(`${server.origin}/file.png`, inst());
    expect(got).toEqual({ ok: true, status: 200, sha256: createHash('sha256').update(BYTES).digest('hex'), bytes: BYTES.length });
    const h = seen.at(-1) ?? {};
    expect(h.authorization).toBeUndefined();
    expect(h.cookie).toBeUndefined();
  });

  it('follows a redirect on the same origin and reports statuses without throwing', async () => {
    expect(await fetchPublic(`${server.origin}/moved`, inst())).toMatchObject({ ok: true, status: 200 });
    expect(await fetchPublic(`${server.origin}/gone`, inst())).toEqual({ ok: true, status: 410, sha256: null, bytes: 4 });
    expect(await fetchPublic(`${server.origin}/nothing`, inst())).toMatchObject({ ok: true, status: 404, sha256: null });
  });

  it('refuses other hosts, and a redirect to another loopback port keeps the address policy', async () => {
    expect(await fetchPublic(`${other.origin}/file.png`, inst())).toEqual({ ok: false, error: 'the URL is not on this instance' });
    const before = other.connections();
    expect(await fetchPublic(`${server.origin}/away`, inst())).toEqual({ ok: false, error: 'the URL (or a redirect) points at a forbidden address' });
    expect(other.connections()).toBe(before);
    // Without the owner's local-test-host mark, loopback is forbidden outright.
    expect(await fetchPublic(`${server.origin}/file.png`, { ...inst(), allowPrivate: false })).toMatchObject({ ok: false });
  });

  it('gives up after its time budget and over the size cap', async () => {
    expect(await fetchPublic(`${server.origin}/slow`, inst(), { timeoutMs: 100 })).toEqual({ ok: false, error: 'the server did not answer in time' });
    expect(await fetchPublic(`${server.origin}/file.png`, inst(), { maxBytes: 4 })).toEqual({ ok: false, error: 'the response was larger than the size cap' });
  });
});
