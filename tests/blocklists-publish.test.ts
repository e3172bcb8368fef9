/**
 * Publishing the merged list as Mastodon CSV: off by default (not found), behind a token (wrong or missing token:
 * not found, as if nothing were published), or public. Public comments only, sorted, CSV-escaped, formulas
 * defused; never a source name or who decided. Owners and admins change it; the token stays out of the audit log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getPublish } from '@/lib/blocklists/publish/get-publish';
import { publishedCsv } from '@/lib/blocklists/publish/published-csv';
import { updatePublish } from '@/lib/blocklists/publish/update-publish';
import { userActor } from './support/fixtures';

const admin = userActor('admin');
const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000000c2');

function tokenOf(url: string | null): string {
  const t = url ? new URL(url).searchParams.get('token') : null;
  expect(t).toBeTruthy();
  return t!;
}

beforeAll(async () => {
  await db.setting.upsert({ where: { key: 'blocklists.policy' }, create: { key: 'blocklists.policy', value: { threshold: 1, severity: 'max', autoRetract: false } }, update: {} });
  const a = await db.blocklistSource.create({ data: { name: 'Secret Source Name' } });
  await db.blocklistEntry.createMany({
    data: [
      { sourceId: a.id, domain: 'zeta.example', severity: 'suspend', rejectMedia: true, publicComment: 'spam, "lots" of it' },
      { sourceId: a.id, domain: 'alpha.example', severity: 'silence', publicComment: '=HYPERLINK("http://x")' },
      { sourceId: a.id, domain: 'mid.example', severity: 'suspend', obfuscatedAs: 'm*d.example' },
    ],
  });
});

describe('published blocklist CSV', () => {
  it('is not found while publishing is off', async () => {
    await expect(publishedCsv(null)).rejects.toMatchObject({ code: 'not_found' });
    expect(await getPublish({ ctx: { actor: moderator } })).toEqual({ enabled: false, public: false, url: null });
  });

  it('only owners and admins change it; bad input is refused', async () => {
    await expect(updatePublish({ ctx: { actor: moderator }, input: { enabled: true, public: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updatePublish({ ctx: { actor: userActor('viewer') }, input: { enabled: true, public: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updatePublish({ ctx: { actor: admin }, input: { enabled: 'yes', public: true } as never })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('behind a token: missing or wrong token is not found; the right one gets the CSV', async () => {
    const view = await updatePublish({ ctx: { actor: admin }, input: { enabled: true, public: false } });
    const token = tokenOf(view.url);
    expect(view.url).toContain('/api/blocklists/published.csv?token=');
    await expect(publishedCsv(null)).rejects.toMatchObject({ code: 'not_found' });
    await expect(publishedCsv('wrong')).rejects.toMatchObject({ code: 'not_found' });
    await expect(publishedCsv(token.slice(0, -1))).rejects.toMatchObject({ code: 'not_found' });
    const csv = await publishedCsv(token);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['alpha.example', 'mid.example', 'zeta.example']);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('"spam, ""lots"" of it"');
    expect(csv).not.toContain('Secret Source Name');
    // Moderators see that it is published, not the token URL; admins do.
    expect((await getPublish({ ctx: { actor: moderator } })).url).toBeNull();
    expect((await getPublish({ ctx: { actor: admin } })).url).toBe(view.url);
    const events = await db.auditEvent.findMany({ where: { action: 'blocklist.publish.updated' } });
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(JSON.stringify(e.details)).not.toContain(token);
  });

  it('rotating the token ends the old URL at once', async () => {
    const old = tokenOf((await getPublish({ ctx: { actor: admin } })).url);
    const view = await updatePublish({ ctx: { actor: admin }, input: { enabled: true, public: false, rotateToken: true } });
    const fresh = tokenOf(view.url);
    expect(fresh).not.toBe(old);
    await expect(publishedCsv(old)).rejects.toMatchObject({ code: 'not_found' });
    expect(await publishedCsv(fresh)).toContain('zeta.example');
  });

  it('public: no token needed, and everyone sees the plain URL; disabling ends it', async () => {
    await updatePublish({ ctx: { actor: admin }, input: { enabled: true, public: true } });
    expect(await publishedCsv(null)).toContain('alpha.example');
    const seen = await getPublish({ ctx: { actor: moderator } });
    expect(seen.url).toMatch(/\/api\/blocklists\/published\.csv$/);
    await updatePublish({ ctx: { actor: admin }, input: { enabled: false, public: true } });
    await expect(publishedCsv(null)).rejects.toMatchObject({ code: 'not_found' });
  });
});
