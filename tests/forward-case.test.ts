/**
 * Forwarding a case to its origin (issue 11, point 3), against real fakes over HTTP: the purge world's Mastodon
 * (origin-reporter) holds a reported copy of the spreader's post, and a second Mastodon holds an unreported copy
 * behind a fault proxy that answers 500 to every new report, forever. A forward goes through the outbox as
 * report.create forward:true and reaches the origin exactly once; a failed one can be replaced; a second live one is
 * refused; a message forward finds the origin's contact through NodeInfo / the instance API, or says where to look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { performAction } from '@/lib/actions/perform-action';
import { AppError } from '@/lib/errors';
import { connectorFor } from '@/lib/instances/connector-for';
import { discardForward } from '@/lib/forwarding/discard-forward';
import { forwardCase } from '@/lib/forwarding/forward-case';
import { getCaseForwardPanel } from '@/lib/forwarding/get-forward-panel';
import { markForwardSent } from '@/lib/forwarding/mark-forward-sent';
import { KNOWN_BAD } from '@/e2e/fakes/federation/known-bad';
import { fakeForwards } from '@/e2e/fakes/forward-log';
import { startFakeMastodon } from '@/e2e/fakes/mastodon/server';
import { persistActor, userActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';

let world: World;
const ORIGIN = KNOWN_BAD.originDomain;
const moderator = userActor('moderator');
const ctx = { actor: moderator };

async function caught(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

beforeAll(async () => {
  await persistActor(moderator);
  world = await purgeWorld([{
    name: 'failing', kind: 'mastodon', start: () => startFakeMastodon({ reports: 1, seed: 1501, domain: 'f1501.test', knownBad: {} }),
    faults: [{ method: 'POST', path: /^\/api\/v1\/reports$/, status: 500, forward: false }],
  }], 1500);
}, 90_000);
afterAll(async () => { await world?.close(); });

describe('forwarding through the outbox (report.create forward:true)', () => {
  it('plans both Mastodons and the message, fails on the failing server, then forwards exactly once through the other', { timeout: 60_000 }, async () => {
    const m = world.fakes.get('origin-reporter')!;
    const failing = world.fakes.get('failing')!;
    const panel = await getCaseForwardPanel({ ctx, input: { caseId: world.caseId } });
    expect(panel.domain).toBe(ORIGIN);
    expect(panel.can.forward).toBe(true);
    expect(panel.live).toBe(false);
    expect(panel.options.map((o) => o.key).sort()).toEqual([`instance_forward:${failing.instanceId}`, `instance_forward:${m.instanceId}`, 'message:none'].sort());
    expect(panel.options.at(-1)?.method).toBe('message');
    expect(JSON.stringify(panel.options)).not.toContain('accountId'); // payloads stay on the server

    // The failing server: one send, a 500, the outbox gives up at once (a second report could be opened).
    const first = await forwardCase({ ctx, input: { caseId: world.caseId, key: `instance_forward:${failing.instanceId}` } });
    expect(first).toMatchObject({ state: 'queued', method: 'instance_forward', domain: ORIGIN, instance: { id: failing.instanceId } });
    const firstRow = await db.caseForward.findUniqueOrThrow({ where: { id: first.id } });
    expect(await performAction(firstRow.actionId!)).toBe('failed');
    const failedView = (await getCaseForwardPanel({ ctx, input: { caseId: world.caseId } })).forwards.find((f) => f.id === first.id)!;
    expect(failedView.state).toBe('failed');
    expect(failedView.error).toMatch(/may or may not have reached the server/);
    expect(failing.proxy!.log.filter((r) => r.method === 'POST' && r.path === '/api/v1/reports')).toHaveLength(1);
    expect(await fakeForwards(failing.url)).toEqual([]);
    expect(await db.auditEvent.count({ where: { targetId: world.caseId, action: 'report.create.failed' } })).toBe(1);

    // A failed forward is not live: it is replaced by forwarding through the origin-reporter.
    const view = await forwardCase({ ctx, input: { caseId: world.caseId, key: `instance_forward:${m.instanceId}` } });
    expect(view.state).toBe('queued');
    const row = await db.caseForward.findUniqueOrThrow({ where: { id: view.id } });
    const action = await db.action.findUniqueOrThrow({ where: { id: row.actionId! } });
    expect(action).toMatchObject({ kind: 'report.create', caseId: world.caseId, instanceId: m.instanceId, requestedById: moderator.type === 'user' ? moderator.id : null });
    expect(action.payload).toMatchObject({ kind: 'report.create', forward: true });
    const comment = String((action.payload as { comment: unknown }).comment);
    expect(comment).toMatch(/^Case \d+ \(fedimod\): .+ Copies of this post were found on 2 servers\./);
    expect(comment).toContain(KNOWN_BAD.post.url);

    expect(await performAction(row.actionId!)).toBe('done');
    const after = await db.caseForward.findUniqueOrThrow({ where: { id: view.id } });
    expect(after.state).toBe('sent');
    expect(after.sentAt).not.toBeNull();
    const forwards = await fakeForwards(m.url);
    expect(forwards).toHaveLength(1);
    expect(forwards[0]).toMatchObject({ account: KNOWN_BAD.account.acct, domain: ORIGIN, comment });
    const records = (await (await fetch(`${m.url}/__fake/records`)).json()) as { path: string; body: Record<string, unknown> }[];
    expect(records.filter((r) => r.path === '/api/v1/reports').map((r) => r.body.forward)).toEqual(['true']);
    // The report the Mastodon opened is listed by its admin API: forwarded, filed by the connected admin account.
    const remoteRef = (await db.action.findUniqueOrThrow({ where: { id: row.actionId! } })).remoteRef;
    const connector = await connectorFor(await db.instance.findUniqueOrThrow({ where: { id: m.instanceId } }));
    const listed = (await connector.listReports({ resolved: false })).items.find((r) => r.remoteId === remoteRef);
    expect(listed).toMatchObject({ forwarded: true, comment, reporter: { username: 'admin' }, target: { acct: KNOWN_BAD.account.acct } });

    const events = await db.auditEvent.findMany({ where: { targetId: world.caseId, action: { in: ['forward.requested', 'report.create.succeeded'] } }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['forward.requested', 'forward.requested', 'report.create.succeeded']);
    expect(events[1].details).toMatchObject({ forwardId: view.id, method: 'instance_forward', instanceId: m.instanceId, domain: ORIGIN });

    // One live forward per origin: a second is refused, whatever the option.
    for (const key of [`instance_forward:${failing.instanceId}`, 'message:none']) {
      const err = await caught(() => forwardCase({ ctx, input: { caseId: world.caseId, key } }));
      expect(err.code).toBe('conflict');
      expect(err.userMessage).toBe(`Already forwarded to ${ORIGIN}.`);
    }
    expect((await getCaseForwardPanel({ ctx, input: { caseId: world.caseId } })).live).toBe(true);
    // A sent forward cannot be discarded or marked; the failed one can be discarded.
    expect((await caught(() => discardForward({ ctx, input: { forwardId: view.id } }))).code).toBe('conflict');
    expect((await caught(() => markForwardSent({ ctx, input: { forwardId: view.id } }))).code).toBe('conflict');
    expect((await discardForward({ ctx, input: { forwardId: first.id } })).state).toBe('discarded');
    expect(await fakeForwards(m.url)).toHaveLength(1);
  });

  it('refuses viewers, unknown keys and forwards without permission on the instance', async () => {
    const m = world.fakes.get('origin-reporter')!;
    const viewer = userActor('viewer', null, '00000000-0000-4000-8000-000000000009');
    expect((await caught(() => forwardCase({ ctx: { actor: viewer }, input: { caseId: world.caseId, key: 'message:none' } }))).code).toBe('forbidden');
    expect((await caught(() => forwardCase({ ctx, input: { caseId: world.caseId, key: 'instance_forward:nope' } }))).code).toBe('bad_request');
    const limited = userActor('moderator', [world.fakes.get('failing')!.instanceId], '00000000-0000-4000-8000-00000000000a');
    const panel = await getCaseForwardPanel({ ctx: { actor: limited }, input: { caseId: world.caseId } });
    expect(panel.options.some((o) => o.instance?.id === m.instanceId)).toBe(false); // an instance it cannot see is not offered
  });
});

describe('forwarding by message', () => {
  let caseId: string;
  beforeAll(async () => {
    const row = await db.case.create({
      data: {
        title: 'Message forward case', openedVia: 'cli', openedByLabel: 'test', label: 'csam', originDomain: ORIGIN,
        originUrl: KNOWN_BAD.post.url, originUri: KNOWN_BAD.post.uri, originAcct: KNOWN_BAD.account.acct, originAccountUrl: KNOWN_BAD.account.url,
        sha256: 'ab'.repeat(32), md5: 'cd'.repeat(16), pdqHash: 'ef'.repeat(32), copyCount: 3, instanceCount: 2,
      },
    });
    caseId = row.id;
  });

  it('finds the contact in the origin\'s instance API, prepares the text, and can discard it', async () => {
    const m = world.fakes.get('origin-reporter')!;
    // The origin's domain answered by a real fake server (NodeInfo without a contact, then /api/v2/instance).
    const seen: string[] = [];
    const viaFake = (url: string, init?: RequestInit) => { seen.push(url); return fetch(url.replace(`https://${ORIGIN}`, m.url), init); };
    const panel = await getCaseForwardPanel({ ctx, input: { caseId } });
    expect(panel.options.map((o) => o.key)).toEqual(['message:none']);
    const view = await forwardCase({ ctx, input: { caseId, key: 'message:none' } }, { fetch: viaFake });
    expect(view).toMatchObject({ state: 'prepared', method: 'message', instance: null, domain: ORIGIN, contact: 'admin@m1500.test' });
    expect(view.contactSource).toBe(`https://${ORIGIN}/api/v2/instance (contact.email)`);
    expect(seen[0]).toBe(`https://${ORIGIN}/.well-known/nodeinfo`);
    const text = view.message!;
    expect(text).toMatch(/^Subject: Report for spreader\.test: /);
    for (const part of [KNOWN_BAD.post.url, KNOWN_BAD.post.uri, KNOWN_BAD.account.acct, 'ab'.repeat(32), 'cd'.repeat(16), 'ef'.repeat(32), 'Suspected child sexual abuse material', '3 copies on 2 servers', 'the moderators of our servers']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('No contact address found');
    expect(text).not.toContain('CyberTipline report');
    const prepared = await db.auditEvent.findFirstOrThrow({ where: { targetId: caseId, action: 'forward.prepared' } });
    expect(prepared.details).toMatchObject({ forwardId: view.id, method: 'message', domain: ORIGIN, contactFound: true });
    expect((await caught(() => forwardCase({ ctx, input: { caseId, key: 'message:none' } }, { fetch: viaFake }))).code).toBe('conflict');
    const discarded = await discardForward({ ctx, input: { forwardId: view.id } });
    expect(discarded.state).toBe('discarded');
    expect(await db.auditEvent.count({ where: { targetId: caseId, action: 'forward.discarded' } })).toBe(1);
  });

  it('with nothing answering, has no contact and says where to look; marked sent once, then neither marked nor discarded', async () => {
    const nothing = async () => { throw new Error('connect ECONNREFUSED'); };
    const view = await forwardCase({ ctx, input: { caseId, key: 'message:none' } }, { fetch: nothing });
    expect(view).toMatchObject({ state: 'prepared', contact: null, contactSource: null });
    expect(view.message).toContain('No contact address found');
    expect(view.message).toContain(`https://${ORIGIN}/about`);
    const sent = await markForwardSent({ ctx, input: { forwardId: view.id } });
    expect(sent.state).toBe('marked_sent');
    expect(sent.sentAt).not.toBeNull();
    expect((await caught(() => markForwardSent({ ctx, input: { forwardId: view.id } }))).code).toBe('conflict');
    expect((await caught(() => discardForward({ ctx, input: { forwardId: view.id } }))).code).toBe('conflict');
    expect((await caught(() => markForwardSent({ ctx: { actor: userActor('viewer') }, input: { forwardId: view.id } }))).code).toBe('forbidden');
    expect((await caught(() => markForwardSent({ ctx, input: { forwardId: 'not-a-uuid' } }))).code).toBe('not_found');
    const panel = await getCaseForwardPanel({ ctx, input: { caseId } });
    expect(panel.live).toBe(true);
    expect(panel.forwards.map((f) => f.state)).toEqual(['marked_sent', 'discarded']);
    expect(await db.auditEvent.count({ where: { targetId: caseId, action: 'forward.marked_sent' } })).toBe(1);
  });
});
