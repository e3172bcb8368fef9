/**
 * A binary file given to the bank import is refused as "not a text file" before anything is parsed or stored,
 * through both ways in (the page's multipart form and a raw text/csv body from a script) and the CLI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { createBank } from '@/lib/banks/create-bank';
import { NOT_TEXT_MESSAGE } from '@/lib/banks/decode-text-upload';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { admin, hex, uniqueName } from './banks-fixtures';
import { routeParams } from './support/route-requests';

vi.mock('@/lib/jobs/enqueue', () => ({ enqueueRematch: vi.fn(async () => {}) }));
const adminSession: UserActor = { type: 'user', id: '00000000-0000-4000-8000-000000000001', email: 'admin@example.test', role: 'admin', instanceIds: null, ip: '127.0.0.1' };
import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
session.actor = adminSession;

const { POST: importPost } = await import('@/app/api/banks/[id]/import/route');
const png = async () => sharp({ create: { width: 8, height: 8, channels: 4, background: '#3366cc' } }).png().toBuffer();

function multipart(bankId: string, bytes: Uint8Array, name: string) {
  const body = new FormData();
  body.set('file', new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' }));
  return new Request(`http://app.test/api/banks/${bankId}/import`, { method: 'POST', body });
}
const rawCsv = (bankId: string, bytes: Uint8Array) =>
  new Request(`http://app.test/api/banks/${bankId}/import`, { method: 'POST', body: new Uint8Array(bytes), headers: { 'content-type': 'text/csv' } });

async function expectRefused(res: Response) {
  expect(res.status).toBe(400);
  expect(JSON.stringify(await res.json())).toContain(NOT_TEXT_MESSAGE);
}

describe('the bank import refuses binary files', () => {
  it('a PNG as a form upload and as a raw body: 400 "not a text file", no entries, no audit row', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('binary'), label: 'spam' } });
    await expectRefused(await importPost(multipart(bank.id, await png(), 'list.png'), routeParams({ id: bank.id })));
    await expectRefused(await importPost(rawCsv(bank.id, await png()), routeParams({ id: bank.id })));
    expect(await db.bankEntry.count({ where: { bankId: bank.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'bank.imported', targetId: bank.id } })).toBe(0);

    // A real list still goes in (the check does not get in the way of text).
    const ok = await importPost(multipart(bank.id, new TextEncoder().encode(`hash,label\n${hex(16)},fine\n`), 'list.csv'), routeParams({ id: bank.id }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ inserted: 1, rejected: 0 });
  });

  it('random bytes (with a NUL somewhere in the head) are refused, whatever else they hold', async () => {
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('random'), label: 'spam' } });
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2048 }), fc.nat(), async (bytes, at) => {
      const withNul = new Uint8Array(bytes);
      withNul[at % withNul.length] = 0;
      await expectRefused(await importPost(rawCsv(bank.id, withNul), routeParams({ id: bank.id })));
    }), { numRuns: 25 });
    expect(await db.bankEntry.count({ where: { bankId: bank.id } })).toBe(0);
  });

  it('the CLI says the same for a binary file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banks-')), 'list.csv');
    fs.writeFileSync(file, await png());
    const err = await runCommand(parseArgs(['banks', 'import', '--bank', uniqueName('cli'), file]), () => {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ userMessage: NOT_TEXT_MESSAGE });
  });
});
