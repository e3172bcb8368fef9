/**
 * Issue 8 point 6: every route reads its body through the one streaming cap (lib/http/read-body.ts). The webhook
 * route used to buffer a 200 MB unsigned body before its 2 MB check, /api/invites/accept parsed 150 MB of JSON.
 * The bodies here are generated as they are pulled, so the tests prove the routes stop reading early.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POST as webhookPost } from '@/app/api/webhooks/[instance]/route';
import { POST as acceptPost } from '@/app/api/invites/accept/route';
import { POST as setupPost } from '@/app/api/setup/route';
import { POST as authPost } from '@/app/api/auth/[...nextauth]/route';
import { NextRequest } from 'next/server';
import { MB, countingBody } from './support/route-requests';



const sameSite = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };
const post = (url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('request bodies are capped while streaming', () => {
  it('refuses a 200 MB unsigned webhook body with 413 after reading about 2 MB', async () => {
    const body = countingBody(200 * MB);
    const id = '00000000-0000-4000-8000-00000000abcd';
    const res = await webhookPost(post(`http://app.test/api/webhooks/${id}`, body.stream), { params: Promise.resolve({ instance: id }) });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(3 * MB);
  });

  it('refuses a 150 MB JSON body on /api/invites/accept and /api/setup without buffering it', async () => {
    for (const [route, url] of [[acceptPost, 'http://app.test/api/invites/accept'], [setupPost, 'http://app.test/api/setup']] as const) {
      const body = countingBody(150 * MB);
      const res = await route(post(url, body.stream, sameSite));
      expect(res.status).toBe(413);
      expect(body.pulled()).toBeLessThan(2 * MB);
    }
  });

  it('caps the sign-in form before next-auth reads it', async () => {
    const body = countingBody(50 * MB);
    const req = new NextRequest('http://app.test/api/auth/callback/credentials', { method: 'POST', body: body.stream, headers: { 'content-type': 'application/x-www-form-urlencoded' }, duplex: 'half' } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await authPost(req, { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(MB);
  });

  it('leaves no route handler reading a body any other way', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === 'route.ts' && /\b(req|request)\.(json|text|arrayBuffer|formData|blob)\(/.test(fs.readFileSync(full, 'utf8'))) offenders.push(full);
      }
    };
    walk(path.resolve('app/api'));
    expect(offenders).toEqual([]);
  });
});
