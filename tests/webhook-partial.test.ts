/**
 * Partial and replayed webhooks (issue 8 points 7a and 11b/c), per server kind that sends webhooks: a reduced
 * payload never overwrites what it does not carry, and an older payload never undoes a newer one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { handleWebhook } from '@/lib/sync/handle-webhook';
import { syncInstance } from '@/lib/sync/sync-instance';
import { sealToken } from '@/lib/instances/token-box';
import { signWebhook } from '@/e2e/fakes/mastodon/webhook';
import { serializeReport } from '@/e2e/fakes/mastodon/serialize-report';
import { startFakeMisskey, type FakeMisskey } from '@/e2e/fakes/misskey/server';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { connectedFake } from './support/fixtures';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe('Mastodon: a replayed older webhook', () => {
  it('report.created delivered again after report.updated does not reopen a resolved report', async () => {
    const { fake, instanceId }: { fake: FakeMastodon; instanceId: string } = await connectedFake({ reports: 6, seed: 21 });
    closers.push(fake.close);
    const created = fake.addReport({ comment: 'replay me' }) as { id: string };
    const body = (event: string) => Buffer.from(JSON.stringify({ event, created_at: new Date().toISOString(), object: serializeReport(fake.state, fake.state.reports.get(created.id)!) }));
    const deliver = (raw: Buffer) => handleWebhook({ instanceId, rawBody: raw, headers: new Headers({ 'x-hub-signature': signWebhook('whsecret-test', raw) }) });

    const first = body('report.created');
    await deliver(first);
    await new Promise((r) => setTimeout(r, 5)); // updated_at has millisecond resolution
    const res = await fetch(`${fake.url}/api/v1/admin/reports/${created.id}/resolve`, { method: 'POST', headers: { authorization: `Bearer ${fake.token}` } });
    expect(res.status).toBe(200);
    await deliver(body('report.updated'));
    const row = () => db.report.findFirstOrThrow({ where: { instanceId, remoteId: created.id } });
    expect((await row()).status).toBe('resolved');

    await deliver(first); // the retry queue delivers the older event late
    expect((await row()).status).toBe('resolved');
  });
});

describe('Misskey: a reduced abuseReportResolved', () => {
  it('re-reads the report: keeps createdAt, linked (even deleted) notes and media, and the suspension', async () => {
    const fake: FakeMisskey = await startFakeMisskey({ reports: 3, seed: 5 });
    closers.push(fake.close);
    const inst = await db.instance.create({
      data: {
        name: 'mk', kind: 'misskey', baseUrl: fake.url, domain: 'mk.test', allowPrivate: true, status: 'ok',
        tokenSealed: await sealToken(fake.token, fake.url), webhookSecretSealed: await sealToken('mk-secret', `${fake.url}#webhook`),
      },
    });
    const packed = fake.addReport({ noteCount: 2, filesPerNote: 1, resolved: false });
    await syncInstance(inst.id);
    const before = await db.report.findFirstOrThrow({ where: { instanceId: inst.id, remoteId: packed.id }, include: { statuses: { include: { status: { include: { media: true } } } } } });
    expect(before.statusCount).toBe(2);
    const noteIds = before.statuses.map((l) => l.status.remoteId);
    const mediaIds = before.statuses.flatMap((l) => l.status.media.map((m) => m.id)).sort();
    expect(mediaIds).toHaveLength(2);

    // The app suspended the target (the server agrees), a moderator deleted one reported note, then resolved.
    const stored = fake.report(packed.id)!;
    fake.state.users.get(stored.targetUserId)!.isSuspended = true;
    await db.account.update({ where: { id: before.targetId }, data: { suspended: true } });
    fake.state.notes.delete(noteIds[0]);
    Object.assign(stored, { resolved: true, resolvedAs: 'accept', assigneeId: fake.state.adminId });

    // What Misskey 2024.10 delivers: the envelope's createdAt is the delivery time (ms); the body has no
    // createdAt and no notes, and its users are UserLite (no isSuspended, createdAt or url).
    const lite = (id: string) => {
      const u = fake.state.users.get(id)!;
      return { id: u.id, name: u.name, username: u.username, host: u.host, avatarUrl: null, avatarBlurhash: null, avatarDecorations: [], isBot: false, isCat: false, emojis: {}, onlineStatus: 'unknown', badgeRoles: [] };
    };
    const raw = Buffer.from(JSON.stringify({
      server: fake.url, hookId: 'h1', eventId: 'e1', createdAt: Date.now(), type: 'abuseReportResolved',
      body: {
        id: stored.id, targetUserId: stored.targetUserId, targetUser: lite(stored.targetUserId), reporterId: stored.reporterId, reporter: lite(stored.reporterId),
        assigneeId: fake.state.adminId, assignee: lite(fake.state.adminId), resolved: true, resolvedAs: 'accept', comment: stored.comment, forwarded: false, moderationNote: '',
      },
    }));
    await expect(handleWebhook({ instanceId: inst.id, rawBody: raw, headers: new Headers({ 'x-misskey-hook-secret': 'wrong' }) })).rejects.toMatchObject({ code: 'unauthorized' });
    const out = await handleWebhook({ instanceId: inst.id, rawBody: raw, headers: new Headers({ 'x-misskey-hook-secret': 'mk-secret' }) });
    expect(out).toMatchObject({ event: 'abuseReportResolved', reportId: before.id });

    const after = await db.report.findUniqueOrThrow({ where: { id: before.id }, include: { target: true, statuses: { include: { status: { include: { media: true } } } } } });
    expect(after.status).toBe('resolved');
    expect(after.remoteCreatedAt).toEqual(before.remoteCreatedAt);
    expect(after.target.suspended).toBe(true);
    expect(after.statuses.map((l) => l.status.remoteId).sort()).toEqual([...noteIds].sort());
    expect(after.statuses.flatMap((l) => l.status.media.map((m) => m.id)).sort()).toEqual(mediaIds);
    const deleted = after.statuses.find((l) => l.status.remoteId === noteIds[0])!;
    expect(deleted.status.remoteState).toBe('deleted');
    expect(after.statuses.find((l) => l.status.remoteId === noteIds[1])!.status.remoteState).toBeNull();

    // A later full sync agrees and changes none of it.
    await syncInstance(inst.id);
    const synced = await db.report.findUniqueOrThrow({ where: { id: before.id }, include: { target: true, statuses: true } });
    expect(synced).toMatchObject({ status: 'resolved', remoteCreatedAt: before.remoteCreatedAt, statusCount: 2 });
    expect(synced.target.suspended).toBe(true);
  });
});
