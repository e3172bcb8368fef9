/**
 * Issue 13, sources: an upload with a malformed line (reported, the rest lands); a URL source on a real local list
 * host through the SSRF-safe fetcher (200, 304 on the second fetch, a changed list gives added/removed/changed
 * history, a 500 keeps the previous entries); the address policy; who may do what; the lease and the schedule.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBlocklistHost, type BlocklistHost } from '@/e2e/fakes/blocklist/server';
import { db } from '@/lib/db';
import { addSource } from '@/lib/blocklists/sources/add-source';
import { dueSources } from '@/lib/blocklists/sources/due-sources';
import { fetchSource } from '@/lib/blocklists/sources/fetch-source';
import { getSource } from '@/lib/blocklists/sources/get-source';
import { listSources } from '@/lib/blocklists/sources/list-sources';
import { removeSource } from '@/lib/blocklists/sources/remove-source';
import { updateSource } from '@/lib/blocklists/sources/update-source';
import { systemActor, userActor } from './support/fixtures';

const queued: string[] = [];
vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueueBlocklistFetch: vi.fn(async (id: string) => void queued.push(id)) }));

const owner = { actor: userActor('owner') };
const moderator = { actor: userActor('moderator') };
const viewer = { actor: userActor('viewer') };

const CSV_V1 = [
  '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate',
  'spam.example,suspend,false,false,spam,false',
  'loud.example,silence,true,false,,false',
  'gone-soon.example,suspend,false,false,,false',
].join('\n');
const CSV_V2 = [
  '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate',
  'spam.example,suspend,false,false,spam,false',
  'loud.example,suspend,true,false,,false',
  'new.example,silence,false,false,,false',
].join('\n');

async function entries(sourceId: string): Promise<Record<string, string>> {
  const rows = await db.blocklistEntry.findMany({ where: { sourceId }, orderBy: { domain: 'asc' } });
  return Object.fromEntries(rows.map((r) => [r.domain, r.severity]));
}

let host: BlocklistHost;
beforeAll(async () => {
  host = await startBlocklistHost();
});
afterAll(async () => {
  await host?.close();
});

describe('uploaded list', () => {
  it('records a malformed line and keeps every good one', async () => {
    const text = ['# our own list', 'good.example', 'not a domain!', '*.wild.example', '', 'http://x.example/path', 'UPPER.Example.'].join('\n');
    const { id } = await addSource({ ctx: moderator, input: { upload: { filename: 'mine.txt', text }, format: 'plain' } });
    expect(queued).not.toContain(id); // an upload is read at once, nothing to fetch
    expect(await entries(id)).toEqual({ 'good.example': 'suspend', 'wild.example': 'suspend', 'upper.example': 'suspend' });
    const s = await getSource({ ctx: viewer, input: { id } });
    expect(s.name).toBe('mine.txt');
    expect(s.url).toBeNull();
    expect(s.entryCount).toBe(3);
    expect(s.fetches).toHaveLength(1);
    const f = s.fetches[0];
    expect(f.ok).toBe(true);
    expect(f.badLines.map((b) => b.line).sort()).toEqual([3, 6]);
    expect(f.badLineCount).toBe(2);
    expect(f.addedCount).toBe(3);
    expect(s.badLineCount).toBe(2);
    expect(s.entries.find((e) => e.domain === 'wild.example')?.wildcard).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { seq: 'asc' }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(['blocklist.source.added', 'blocklist.source.fetched']);
    await expect(fetchSource(id)).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('a list with no readable line is a failed fetch (an error page never empties a source)', async () => {
    const { id } = await addSource({ ctx: moderator, input: { upload: { filename: 'page.html', text: '<html>\n<body>oops</body>\n</html>' }, format: 'plain' } });
    const s = await getSource({ ctx: viewer, input: { id } });
    expect(s.fetches[0].ok).toBe(false);
    expect(s.fetches[0].error).toMatch(/No line of the list could be read/);
    expect(s.lastError).toMatch(/No line/);
  });
});

describe('URL source on a local list host', () => {
  it('fetches, gets a 304 the second time, records what changed, and keeps entries on a 500', async () => {
    host.setList('/lists/ours.csv', CSV_V1);
    const { id } = await addSource({ ctx: owner, input: { url: `${host.url}/lists/ours.csv`, allowPrivate: true, trusted: true } });
    expect(queued).toContain(id);
    const s0 = await getSource({ ctx: viewer, input: { id } });
    expect(s0.name).toBe(new URL(host.url).host);

    const first = await fetchSource(id);
    expect(first).toMatchObject({ ok: true, notModified: false, httpStatus: 200, entryCount: 3, added: 3, removed: 0, changed: 0 });
    expect(await entries(id)).toEqual({ 'gone-soon.example': 'suspend', 'loud.example': 'silence', 'spam.example': 'suspend' });

    const second = await fetchSource(id);
    expect(second).toMatchObject({ ok: true, notModified: true, httpStatus: 304, entryCount: 3 });
    const conditional = host.requests.filter((r) => r.path === '/lists/ours.csv').at(-1);
    expect(conditional?.headers['if-none-match']).toMatch(/^"/);

    host.setList('/lists/ours.csv', CSV_V2);
    const third = await fetchSource(id);
    expect(third).toMatchObject({ ok: true, notModified: false, added: 1, removed: 1, changed: 1, entryCount: 3 });
    expect(await entries(id)).toEqual({ 'loud.example': 'suspend', 'new.example': 'silence', 'spam.example': 'suspend' });
    const detail = await getSource({ ctx: viewer, input: { id } });
    expect(detail.fetches[0]).toMatchObject({ added: ['new.example'], removed: ['gone-soon.example'], changed: ['loud.example'] });
    expect(detail.fetches.map((f) => f.notModified)).toEqual([false, true, false]);

    host.setStatus('/lists/ours.csv', 500);
    const failed = await fetchSource(id);
    expect(failed).toMatchObject({ ok: false, httpStatus: 500, entryCount: 3 });
    expect(failed.error).toMatch(/HTTP 500/);
    expect(await entries(id)).toEqual({ 'loud.example': 'suspend', 'new.example': 'silence', 'spam.example': 'suspend' });
    const listed = (await listSources({ ctx: viewer })).find((x) => x.id === id);
    expect(listed).toMatchObject({ entryCount: 3, trusted: true, lastError: expect.stringMatching(/HTTP 500/) });
    host.setStatus('/lists/ours.csv', 200);

    const fetchedEvents = await db.auditEvent.count({ where: { targetId: id, action: 'blocklist.source.fetched' } });
    expect(fetchedEvents).toBe(3); // first, the change, the failure; the 304 is not an event
  });

  it('reads the JSON of a public domain_blocks API, resolving an obfuscated entry by digest against known domains', async () => {
    const other = await addSource({ ctx: moderator, input: { upload: { filename: 'known.txt', text: 'hidden.example\n' } } });
    expect(other.id).toBeTruthy();
    const digest = (await import('node:crypto')).createHash('sha256').update('hidden.example').digest('hex');
    host.setList('/api/v1/instance/domain_blocks', JSON.stringify([
      { domain: 'open.example', digest: 'x', severity: 'silence', comment: 'noise' },
      { domain: 'hid***.example', digest, severity: 'suspend', comment: null },
      { domain: 'nob*dy.example', digest: 'f'.repeat(64), severity: 'suspend', comment: null },
    ]), 'application/json');
    const { id } = await addSource({ ctx: owner, input: { url: `${host.url}/api/v1/instance/domain_blocks`, allowPrivate: true } });
    const r = await fetchSource(id);
    expect(r).toMatchObject({ ok: true, unresolvedCount: 1 });
    const rows = await db.blocklistEntry.findMany({ where: { sourceId: id }, orderBy: { domain: 'asc' } });
    expect(rows.map((x) => [x.domain, x.severity, x.obfuscatedAs])).toEqual([['hidden.example', 'suspend', 'hid***.example'], ['open.example', 'silence', null]]);
    const f = (await getSource({ ctx: viewer, input: { id } })).fetches[0];
    expect(f.unresolved).toEqual([{ line: 3, pattern: 'nob*dy.example' }]);
  });

  it('refuses a loopback URL without the owner exemption, and never connects', async () => {
    host.setList('/lists/private.txt', 'x.example\n');
    const before = host.requests.length;
    const { id } = await addSource({ ctx: moderator, input: { url: `${host.url}/lists/private.txt` } });
    const r = await fetchSource(id);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/private or local/);
    expect(host.requests.length).toBe(before);
    expect(await entries(id)).toEqual({});
  });

  it('a held lease makes a second fetch skip; the schedule lists due sources only', async () => {
    host.setList('/lists/lease.txt', 'lease.example\n');
    const { id } = await addSource({ ctx: owner, input: { url: `${host.url}/lists/lease.txt`, allowPrivate: true, refreshMinutes: 30 } });
    const now = new Date();
    expect(await dueSources(now)).toContain(id); // never fetched
    await db.blocklistSource.update({ where: { id }, data: { fetchLeaseUntil: new Date(now.getTime() + 60_000) } });
    expect(await dueSources(now)).not.toContain(id);
    expect(await fetchSource(id, { now })).toMatchObject({ skipped: 'leased', fetchId: null });
    await db.blocklistSource.update({ where: { id }, data: { fetchLeaseUntil: null } });
    expect((await fetchSource(id, { now })).ok).toBe(true);
    expect(await dueSources(now)).not.toContain(id);
    expect(await dueSources(new Date(now.getTime() + 31 * 60_000))).toContain(id);
    await updateSource({ ctx: moderator, input: { id, enabled: false } });
    expect(await dueSources(new Date(now.getTime() + 31 * 60_000))).not.toContain(id);
  });
});

describe('who may do what, and bad input', () => {
  it('a moderator cannot exempt a local host; a viewer cannot add, change or remove', async () => {
    await expect(addSource({ ctx: moderator, input: { url: 'https://lists.example/x.csv', allowPrivate: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addSource({ ctx: viewer, input: { url: 'https://lists.example/x.csv' } })).rejects.toMatchObject({ code: 'forbidden' });
    const { id } = await addSource({ ctx: moderator, input: { url: 'https://lists.example/y.csv' } });
    await expect(updateSource({ ctx: viewer, input: { id, trusted: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeSource({ ctx: viewer, input: { id } })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listSources({ ctx: viewer })).some((s) => s.id === id)).toBe(true);
    await expect(listSources({ ctx: { actor: { type: 'webhook', instanceId: '00000000-0000-4000-8000-000000000009' } } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('says what is wrong with the input', async () => {
    await expect(addSource({ ctx: moderator, input: { url: 'ftp://lists.example/x' } })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/http/) });
    await expect(addSource({ ctx: moderator, input: { url: 'https://u:p@lists.example/x' } })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/password/) });
    await expect(addSource({ ctx: moderator, input: {} })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/either/) });
    await expect(addSource({ ctx: moderator, input: { url: 'https://lists.example/z', format: 'xml' as 'plain' } })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/Format/) });
    await expect(addSource({ ctx: moderator, input: { url: 'https://lists.example/z', refreshMinutes: 1 } })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/5 minutes/) });
    await addSource({ ctx: moderator, input: { url: 'https://lists.example/dup' } });
    await expect(addSource({ ctx: moderator, input: { url: 'https://lists.example/dup' } })).rejects.toMatchObject({ code: 'conflict' });
    await expect(updateSource({ ctx: moderator, input: { id: 'nope' } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(updateSource({ ctx: moderator, input: { id: '00000000-0000-4000-8000-00000000dead', name: 'x' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a new format forgets the validators; removing a source takes its entries and is audited', async () => {
    host.setList('/lists/fmt.txt', 'fmt.example\n');
    const { id } = await addSource({ ctx: { actor: systemActor }, input: { url: `${host.url}/lists/fmt.txt`, allowPrivate: true } });
    await fetchSource(id);
    expect((await db.blocklistSource.findUniqueOrThrow({ where: { id } })).etag).toBeTruthy();
    await updateSource({ ctx: moderator, input: { id, format: 'plain', name: 'Format test' } });
    const row = await db.blocklistSource.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ etag: null, lastModified: null, nextFetchAt: null, name: 'Format test', format: 'plain' });
    const upd = await db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: 'blocklist.source.updated' } });
    expect(upd.details).toMatchObject({ to: { format: 'plain', name: 'Format test' } });
    await removeSource({ ctx: moderator, input: { id } });
    expect(await db.blocklistEntry.count({ where: { sourceId: id } })).toBe(0);
    expect(await db.blocklistSource.findUnique({ where: { id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { targetId: id, action: 'blocklist.source.removed' } })).toBe(1);
  });
});
