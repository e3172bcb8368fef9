import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { handleWebhook } from '@/lib/sync/handle-webhook';
import { signWebhook } from '@/e2e/fakes/mastodon/webhook';
import { serializeReport } from '@/e2e/fakes/mastodon/serialize-report';
import { requestAction } from '@/lib/actions/request-action';
import { performAction } from '@/lib/actions/perform-action';
import { retryAction } from '@/lib/actions/retry-action';
import { syncInstance } from '@/lib/sync/sync-instance';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { connectedFake, persistActor, userActor } from './support/fixtures';

let fake: FakeMastodon;
let instanceId: string;

beforeAll(async () => {
  ({ fake, instanceId } = await connectedFake({ reports: 6, seed: 11 }));
  await syncInstance(instanceId);
  await persistActor(userActor('moderator'));
});
afterAll(() => fake.close());

function webhookBody(reportId: string, event = 'report.created') {
  const report = fake.state.reports.get(reportId)!;
  return Buffer.from(JSON.stringify({ event, created_at: new Date().toISOString(), object: serializeReport(fake.state, report) }));
}

describe('webhooks', () => {
  it('rejects a wrong or missing signature and writes nothing', async () => {
    const created = fake.addReport({ comment: 'arrives by webhook' }) as { id: string };
    const body = webhookBody(created.id);
    await expect(handleWebhook({ instanceId, rawBody: body, headers: new Headers({ 'x-hub-signature': signWebhook('wrong-secret', body) }) })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(handleWebhook({ instanceId, rawBody: body, headers: new Headers() })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await db.report.findFirst({ where: { instanceId, remoteId: created.id } })).toBeNull();
  });

  it('applies a correctly signed report.created at once', async () => {
    const created = fake.addReport({ comment: 'signed webhook' }) as { id: string };
    const body = webhookBody(created.id);
    const out = await handleWebhook({ instanceId, rawBody: body, headers: new Headers({ 'x-hub-signature': signWebhook('whsecret-test', body) }) });
    expect(out.event).toBe('report.created');
    const row = await db.report.findFirstOrThrow({ where: { instanceId, remoteId: created.id } });
    expect(row.comment).toBe('signed webhook');
  });
});

describe('actions through the outbox', () => {
  it('a suspend is audited, reaches the fake and is marked done', async () => {
    const report = await db.report.findFirstOrThrow({ where: { instanceId, status: 'open' }, include: { target: true } });
    const actor = userActor('moderator');
    const { actionId } = await requestAction({ ctx: { actor }, input: { reportId: report.id, action: { kind: 'account.action', type: 'suspend', text: 'bye', notify: false } } });
    const pending = await db.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(pending.status).toBe('pending');
    expect(await db.auditEvent.count({ where: { action: 'account.action.requested', targetId: report.id } })).toBe(1);

    expect(await performAction(actionId, { finalAttempt: false })).toBe('done');
    expect((await db.action.findUniqueOrThrow({ where: { id: actionId } })).status).toBe('done');
    const rec = fake.state.records.find((r) => r.path === `/api/v1/admin/accounts/${report.target.remoteId}/action`);
    expect(rec?.body).toMatchObject({ type: 'suspend', text: 'bye' });
    expect(fake.state.summary().accounts.suspended.map((a) => a.id)).toContain(report.target.remoteId);
    expect((await db.account.findUniqueOrThrow({ where: { id: report.targetId } })).suspended).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'account.action.succeeded', targetId: report.id } })).toBe(1);
    // Idempotent: performing a done action again sends nothing.
    const before = fake.state.records.length;
    expect(await performAction(actionId, { finalAttempt: false })).toBe('skipped');
    expect(fake.state.records.length).toBe(before);
  });

  it('a remote refusal fails with the server error and can be retried', async () => {
    const report = await db.report.findFirstOrThrow({ where: { instanceId, target: { domain: { not: null } } }, include: { target: true } });
    const actor = userActor('moderator');
    const block = { kind: 'domain.block', severity: 'suspend', rejectMedia: true, rejectReports: false, obfuscate: true };
    const first = await requestAction({ ctx: { actor }, input: { reportId: report.id, action: block } });
    expect(await performAction(first.actionId, { finalAttempt: false })).toBe('done');
    expect(fake.state.summary().domainBlocks.map((b) => b.domain)).toContain(report.target.domain);
    const second = await requestAction({ ctx: { actor }, input: { reportId: report.id, action: block } });
    expect(await performAction(second.actionId, { finalAttempt: false })).toBe('failed');
    const failed = await db.action.findUniqueOrThrow({ where: { id: second.actionId } });
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toMatch(/already|taken|exists/i);
    await retryAction({ ctx: { actor }, input: { actionId: second.actionId } });
    expect((await db.action.findUniqueOrThrow({ where: { id: second.actionId } })).status).toBe('pending');
  });

  it('resolve reaches the fake and closes the report locally', async () => {
    const report = await db.report.findFirstOrThrow({ where: { instanceId, status: 'open' } });
    const { actionId } = await requestAction({ ctx: { actor: userActor('moderator') }, input: { reportId: report.id, action: { kind: 'report.resolve' } } });
    await performAction(actionId, { finalAttempt: false });
    expect(fake.state.records.some((r) => r.path === `/api/v1/admin/reports/${report.remoteId}/resolve`)).toBe(true);
    expect((await db.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('resolved');
  });

  it('viewers and moderators of other instances cannot act; unsupported actions are refused', async () => {
    const report = await db.report.findFirstOrThrow({ where: { instanceId } });
    await expect(requestAction({ ctx: { actor: userActor('viewer') }, input: { reportId: report.id, action: { kind: 'report.resolve' } } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requestAction({ ctx: { actor: userActor('moderator', ['00000000-0000-4000-8000-00000000ffff']) }, input: { reportId: report.id, action: { kind: 'report.resolve' } } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requestAction({ ctx: { actor: userActor('moderator') }, input: { reportId: report.id, action: { kind: 'status.delete' } } })).rejects.toThrow();
    expect(await db.action.count({ where: { reportId: report.id, kind: 'report.resolve', requestedById: null } })).toBe(0);
  });
});

describe('Misskey system webhooks', () => {
  it('checks the shared secret; a report it cannot re-read is recorded, not applied from the reduced body', async () => {
    const { sealToken } = await import('@/lib/instances/token-box');
    const baseUrl = 'https://mk.example';
    const inst = await db.instance.create({
      data: { name: 'mk', kind: 'misskey', baseUrl, domain: 'mk.example', tokenSealed: await sealToken('t', baseUrl), webhookSecretSealed: await sealToken('mk-secret', `${baseUrl}#webhook`) },
    });
    const user = (id: string, username: string, host: string | null) => ({ id, username, host, name: null, avatarUrl: null });
    const body = Buffer.from(JSON.stringify({
      server: baseUrl, hookId: 'h1', eventId: 'e1', createdAt: '2026-02-01T00:00:00.000Z', type: 'abuseReport',
      body: { id: 'mk1', comment: 'spam', resolved: false, forwarded: false, reporterId: 'u1', reporter: user('u1', 'alice', null), targetUserId: 'u2', targetUser: user('u2', 'spammer', 'bad.example'), assigneeId: null, assignee: null },
    }));
    await expect(handleWebhook({ instanceId: inst.id, rawBody: body, headers: new Headers({ 'x-misskey-hook-secret': 'nope' }) })).rejects.toMatchObject({ code: 'unauthorized' });
    const out = await handleWebhook({ instanceId: inst.id, rawBody: body, headers: new Headers({ 'x-misskey-hook-secret': 'mk-secret' }) });
    expect(out.event).toBe('abuseReport');
    // The body is a reduced report (contract I3): it is only a signal to re-read, and mk.example cannot be read.
    expect(await db.report.findFirst({ where: { instanceId: inst.id, remoteId: 'mk1' } })).toBeNull();
    expect((await db.syncIssue.findFirstOrThrow({ where: { instanceId: inst.id } })).error).toMatch(/not applied: /);
  });
});
