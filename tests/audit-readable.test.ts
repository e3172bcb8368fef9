/**
 * The audit page reads like a log a person keeps: actors and targets as names with links to their pages, a
 * thing that no longer exists as a short id without a link, and a backwards date range refused with a clear
 * message (by the verb, the route and the export) rather than answered with an empty list.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import type { UserActor } from '@/lib/auth/current-actor';
import { recordEvent } from '@/lib/audit/record-event';
import { queryAudit } from '@/lib/audit/query-audit';
import { exportAudit } from '@/lib/audit/export-audit';
import type { AuditListItem } from '@/lib/audit/audit-item';
import { md5Of } from '@/lib/matching/test-hashes';
import { addEntry, makeBank, makeReport } from './matching-fixtures';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const { GET: auditGet } = await import('@/app/api/audit/route');
const { GET: exportGet } = await import('@/app/api/audit/export/route');

const record = (actor: Actor, action: string, more: Record<string, unknown> = {}) => db.$transaction((tx) => recordEvent(tx, { actor, action, ...more }));

let admin: UserActor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const nia = await db.user.create({ data: { email: 'nia@example.org', name: 'Nia', role: 'admin', passwordHash: 'x' } });
  const mod = await db.user.create({ data: { email: 'mo@example.org', role: 'moderator', passwordHash: 'x' } });
  admin = { type: 'user', id: nia.id, email: nia.email, role: 'admin', instanceIds: null, ip: '203.0.113.7' };
  session.actor = admin;
  const { report, mediaIds, instanceId } = await makeReport([{ md5: md5Of(1) }]);
  const bank = await makeBank('match', 2);
  const entry = await addEntry(bank.id, 'md5', md5Of(2));
  const kase = await db.case.create({ data: { title: 'spam wave', openedVia: 'manual', openedByLabel: 'nia@example.org' } });
  const invite = await db.invite.create({ data: { email: 'new@example.org', role: 'viewer', tokenHash: crypto.randomUUID(), invitedById: nia.id, expiresAt: new Date(Date.now() + 3600_000) } });
  Object.assign(ids, { nia: nia.id, mod: mod.id, report: report.id, media: mediaIds[0], instance: instanceId, bank: bank.id, entry: entry.id.toString(), case: kase.id, number: String(kase.number), invite: invite.id });

  await record(admin, 'user.role_changed', { targetType: 'user', targetId: mod.id, details: { from: 'viewer', to: 'moderator' } });
  await record(admin, 'instance.updated', { targetType: 'instance', targetId: instanceId, instanceId });
  await record({ ...admin, id: mod.id, email: mod.email, role: 'moderator' }, 'report.resolve.requested', { targetType: 'report', targetId: report.id, instanceId });
  await record(admin, 'case.opened', { targetType: 'case', targetId: kase.id });
  await record(admin, 'bank.updated', { targetType: 'bank', targetId: bank.id });
  await record(admin, 'bank.entry_disabled', { targetType: 'bank_entry', targetId: entry.id.toString() });
  await record(admin, 'user.invited', { targetType: 'invite', targetId: invite.id });
  await record(admin, 'media.reveal', { targetType: 'media', targetId: mediaIds[0], instanceId });
  await record(admin, 'case.closed', { targetType: 'case', targetId: crypto.randomUUID() }); // a case since removed
  await record(admin, 'report.received', { targetType: 'report', targetId: 'r-not-a-uuid' });
  await record({ type: 'system', label: 'sync' }, 'settings.matching_updated', { targetType: 'setting', targetId: 'matching' });
  await record({ type: 'user', id: crypto.randomUUID(), email: 'gone@example.org', role: 'admin', instanceIds: null }, 'auth.sign_in');
});

const byAction = async (action: string): Promise<AuditListItem> => {
  const { items } = await queryAudit({ ctx: { actor: admin }, input: { action } });
  expect(items.length).toBeGreaterThan(0);
  return items[0];
};

describe('audit rows name actors and targets', () => {
  it('links users, instances, reports, cases, banks, entries, invites, media and settings to their pages', async () => {
    const role = await byAction('user.role_changed');
    expect(role.actor).toEqual({ label: 'Nia', detail: 'nia@example.org', href: '/users' });
    expect(role.target).toEqual({ label: 'mo@example.org', detail: null, href: '/users' });
    expect((await byAction('instance.updated')).target).toMatchObject({ label: 'matching', href: `/instances/${ids.instance}` });
    const resolve = await byAction('report.resolve.requested');
    expect(resolve.actor).toMatchObject({ label: 'mo@example.org', href: '/users' });
    expect(resolve.target).toMatchObject({ label: expect.stringMatching(/^Report r-\d+$/), detail: expect.stringContaining('@target'), href: `/reports/${ids.report}` });
    expect((await byAction('case.opened')).target).toEqual({ label: `Case ${ids.number}`, detail: 'spam wave', href: `/cases/${ids.case}` });
    expect((await byAction('bank.updated')).target).toMatchObject({ href: `/banks/${ids.bank}`, detail: 'hash bank' });
    expect((await byAction('bank.entry_disabled')).target).toMatchObject({ label: `MD5 entry ${ids.entry}`, href: `/banks/${ids.bank}` });
    expect((await byAction('user.invited')).target).toEqual({ label: 'Invite for new@example.org', detail: null, href: '/users' });
    expect((await byAction('media.reveal')).target).toMatchObject({ label: 'image on matching', href: `/reports/${ids.report}` });
    expect((await byAction('settings.matching_updated')).target).toMatchObject({ label: 'Setting matching', href: '/settings' });
    expect((await byAction('settings.matching_updated')).actor).toEqual({ label: 'system:sync', detail: null, href: null });
  });

  it('keeps what no longer exists (or never had a uuid) as text without a link', async () => {
    expect((await byAction('case.closed')).target).toMatchObject({ label: expect.stringMatching(/^case [0-9a-f]{8}…$/), detail: 'no longer exists', href: null });
    expect((await byAction('report.received')).target).toMatchObject({ href: null, detail: 'no longer exists' });
    expect((await byAction('auth.sign_in')).actor).toEqual({ label: 'gone@example.org', detail: null, href: null });
  });

  it('every row of a full page carries an actor and a target field', async () => {
    const { items } = await queryAudit({ ctx: { actor: admin }, input: { limit: 500 } });
    expect(items.every((i) => i.actor && 'target' in i)).toBe(true);
  });
});

describe('a backwards date range', () => {
  const from = new Date('2026-03-10T00:00:00Z');
  const to = new Date('2026-03-01T00:00:00Z');

  it('is refused by the verb, the route and the export, with a message that says what to change', async () => {
    await expect(queryAudit({ ctx: { actor: admin }, input: { from, to } })).rejects.toMatchObject({
      code: 'bad_request',
      userMessage: expect.stringContaining('"From" date (2026-03-10) is after the "To" date (2026-03-01)'),
    });
    const res = await auditGet(new Request('http://app.test/api/audit?from=2026-03-10&to=2026-03-01'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('is after the "To" date');

    const exportsBefore = await db.auditEvent.count({ where: { action: 'audit.exported' } });
    await expect(exportAudit({ ctx: { actor: admin }, input: { format: 'csv', from, to } })).rejects.toMatchObject({ code: 'bad_request' });
    expect((await exportGet(new Request('http://app.test/api/audit/export?format=json&from=2026-03-10&to=2026-03-01'))).status).toBe(400);
    expect(await db.auditEvent.count({ where: { action: 'audit.exported' } })).toBe(exportsBefore); // nothing left the server, nothing recorded

    // One day (from = to) and open-ended ranges are fine.
    await expect(queryAudit({ ctx: { actor: admin }, input: { from: to, to } })).resolves.toBeTruthy();
    expect((await auditGet(new Request('http://app.test/api/audit?from=2026-03-10'))).status).toBe(200);
  });
});
