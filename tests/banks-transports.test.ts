/**
 * The bank CLI commands and route handlers, against a real database. The session layer is a stub actor (sign-in
 * has its own tests). Only random synthetic hex values are used as hashes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { createBank } from '@/lib/banks/create-bank';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { admin, auditOf, hex, seedMedia, uniqueName } from './banks-fixtures';

vi.mock('@/lib/jobs/enqueue', () => ({ enqueueRematch: vi.fn(async () => {}) }));

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const adminSession: UserActor = { type: 'user', id: '00000000-0000-4000-8000-000000000001', email: 'admin@example.test', role: 'admin', instanceIds: null, ip: '127.0.0.1' };

describe('CLI', () => {
  it('banks import creates the bank, prints a summary with rejected lines, and banks export prints hash,label lines', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banks-cli-'));
    const file = path.join(dir, 'synthetic.csv');
    const hashes = Array.from({ length: 5 }, () => hex(32));
    fs.writeFileSync(file, `# synthetic\n${hashes.map((h, i) => `${h},label ${i}`).join('\n')}\n${hashes[0]}\nxyz\n`);
    const name = uniqueName('cli bank');
    const out: string[] = [];
    const code = await runCommand(parseArgs(['banks', 'import', '--bank', name, '--label', 'spam', '--severity', '2', file]), (l) => out.push(l));
    expect(code).toBe(0);
    expect(out[0]).toBe(`Created match bank "${name}" (spam, severity 2 moderate).`);
    expect(out[1]).toBe(`Imported synthetic.csv into "${name}": 6 accepted (5 new, 1 duplicate), 1 rejected.`);
    expect(out[2]).toBe('  line 8: not hex: xyz');
    expect(out[3]).toMatch(/^Rematching stored media/);

    const exported: string[] = [];
    expect(await runCommand(parseArgs(['banks', 'export', '--bank', name]), (l) => exported.push(l))).toBe(0);
    expect(exported).toEqual(hashes.map((h, i) => `${h},label ${i}`));
    expect((await auditOf('bank.exported')).at(-1)).toMatchObject({ actorLabel: 'system:cli' });

    const usage: string[] = [];
    expect(await runCommand(parseArgs(['banks', 'import', '--bank', name]), () => {}).catch((e: Error) => e.message)).toMatch(/missing FILE/);
    expect(await runCommand(parseArgs(['banks']), (l) => usage.push(l))).toBe(2);
    expect(usage.join('\n')).toContain('banks import --bank NAME FILE');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('routes', () => {
  const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });

  it('imports a multipart upload, streams the export as a CSV attachment and adds media', async () => {
    const { POST: importPost } = await import('@/app/api/banks/[id]/import/route');
    const { GET: exportGet } = await import('@/app/api/banks/[id]/export/route');
    const { POST: mediaPost } = await import('@/app/api/media/[id]/banks/route');
    const { GET: listGet } = await import('@/app/api/banks/route');
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('route'), label: 'spam' } });
    const body = new FormData();
    const lines = [...Array.from({ length: 250 }, (_, i) => `bad-${i}`), hex(16)];
    body.set('file', new File([lines.join('\n')], 'upload.csv', { type: 'text/csv' }));
    session.actor = adminSession;
    const res = await importPost(new Request(`http://app.test/api/banks/${bank.id}/import`, { method: 'POST', body }), params({ id: bank.id }));
    expect(res.status).toBe(200);
    const summary = await res.json();
    expect(summary).toMatchObject({ file: 'upload.csv', inserted: 1, rejected: 250 });
    expect(summary.rejectedLines).toHaveLength(200);

    // Browsers use mixed-case boundaries (WebKitFormBoundary...); the boundary must survive as sent.
    const boundary = '----WebKitFormBoundaryAbCdEfGh12';
    const raw = [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="browser.csv"', 'Content-Type: text/csv', '', hex(16), `--${boundary}`, 'Content-Disposition: form-data; name="signal"', '', 'md5', `--${boundary}--`, ''].join('\r\n');
    const browser = await importPost(new Request(`http://app.test/api/banks/${bank.id}/import`, { method: 'POST', body: raw, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }), params({ id: bank.id }));
    expect(await browser.json()).toMatchObject({ file: 'browser.csv', inserted: 1 });

    const csv = await importPost(new Request(`http://app.test/api/banks/${bank.id}/import?signal=md5`, { method: 'POST', body: hex(16), headers: { 'content-type': 'text/csv' } }), params({ id: bank.id }));
    expect((await csv.json()).inserted).toBe(1);

    const exp = await exportGet(new Request(`http://app.test/api/banks/${bank.id}/export`), params({ id: bank.id }));
    expect(exp.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exp.headers.get('content-disposition')).toMatch(/^attachment; filename="route-\d+-[0-9a-f]+\.csv"$/);
    expect((await exp.text()).trim().split('\n')).toHaveLength(3);

    const { media } = await seedMedia();
    const added = await mediaPost(new Request(`http://app.test/api/media/${media.id}/banks`, { method: 'POST', body: JSON.stringify({ bankId: bank.id, label: 'x' }), headers: { 'content-type': 'application/json' } }), params({ id: media.id }));
    expect(added.status).toBe(201);
    expect((await added.json()).added).toHaveLength(3);

    const listed = await (await listGet(new Request('http://app.test/api/banks?kind=match&enabled=1'))).json();
    expect(listed.banks.some((b: { id: string }) => b.id === bank.id)).toBe(true);
  });

  it('answers 401 without a session and 413 for an oversized upload', async () => {
    const { POST: importPost } = await import('@/app/api/banks/[id]/import/route');
    const id = crypto.randomUUID();
    session.actor = null;
    expect((await importPost(new Request(`http://app.test/api/banks/${id}/import`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/csv' } }), params({ id }))).status).toBe(401);
    session.actor = adminSession;
    const big = new Request(`http://app.test/api/banks/${id}/import`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/csv', 'content-length': String(51 * 1024 * 1024) } });
    expect((await importPost(big, params({ id }))).status).toBe(413);
  });
});
