import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePeerTube, type FakePeerTube } from '@/e2e/fakes/peertube/server';
import { db } from '@/lib/db';
import { persistActor, userActor } from '@/tests/support/fixtures';
import { cachedConnectorCount, dropAllConnectors, sweepRemovedInstances } from './connector-cache';
import { connectorFor, type InstanceLike } from './connector-for';
import { removeInstance } from './remove-instance';
import { sealToken } from './token-box';

let fake: FakePeerTube | null = null;
afterEach(async () => {
  await dropAllConnectors();
  await fake?.close();
  fake = null;
});

/** A PeerTube fake with PeerTube 7's default login limit (15 per 5 minutes per IP) and a one-hour access token. */
async function peertube(): Promise<{ f: FakePeerTube; instance: InstanceLike }> {
  const f = (fake = await startFakePeerTube({ port: 0, host: '127.0.0.1', reports: 6, oauth: { accessLifetimeMs: 60 * 60_000 } }));
  const instance = { id: randomUUID(), kind: 'peertube', baseUrl: f.url, tokenSealed: await sealToken(f.token, f.url), allowPrivate: true, software: null };
  return { f, instance };
}

const grants = (f: FakePeerTube) => {
  const calls = f.state.records.filter((r) => r.path === '/api/v1/users/token');
  return { password: calls.filter((r) => r.body.grant_type === 'password').length, refresh: calls.filter((r) => r.body.grant_type === 'refresh_token').length, refused: calls.filter((r) => r.status !== 200).length };
};

describe('connectorFor: one PeerTube session per instance (issue 8, 11 d)', () => {
  it('fifty actions and ten syncs use a handful of logins against a fake that enforces the login limit', async () => {
    const { f, instance } = await peertube();
    const ids = [...f.state.abuses.keys()].map(String);
    for (let sync = 0; sync < 10; sync++) {
      // As the worker does: every sync and every action asks connectorFor for the instance's connector.
      const page = await (await connectorFor(instance)).listReports({ resolved: false });
      expect(page.items.length + page.skipped.length).toBeGreaterThan(0);
      for (let i = 0; i < 5; i++) {
        const reportId = ids[(sync * 5 + i) % ids.length];
        const kind = i % 2 === 0 ? 'report.resolve' : 'report.reopen';
        await (await connectorFor(instance)).perform({ kind, reportId });
      }
      f.state.auth.advance(40 * 60_000); // time passes between syncs: access tokens expire and get refreshed
    }
    const g = grants(f);
    expect(g.password).toBe(1);
    expect(g.refused).toBe(0);
    expect(g.refresh).toBeGreaterThanOrEqual(4);
    expect(g.password + g.refresh).toBeLessThanOrEqual(10);
    expect(f.state.auth.grants.rateLimited).toBe(0);
    expect(f.state.auth.access.size).toBe(1); // one token row on the server, not one per action
  });

  it('a changed token replaces the cached connector and revokes the old session', async () => {
    const { f, instance } = await peertube();
    const first = await connectorFor(instance);
    expect(await connectorFor({ ...instance })).toBe(first);
    await first.listReports({ resolved: false });
    expect(f.state.auth.liveTokens()).toBe(1);
    const resealed = { ...instance, tokenSealed: await sealToken(f.token, f.url) }; // same secret, new seal: "updated"
    const second = await connectorFor(resealed);
    expect(second).not.toBe(first);
    await second.listReports({ resolved: false });
    await new Promise((r) => setTimeout(r, 50)); // the old connector is closed in the background
    expect(f.state.auth.grants.revoked).toBe(1);
    expect(f.state.auth.liveTokens()).toBe(1);
  });

  it('removing the instance revokes the session this process holds', async () => {
    const { f, instance } = await peertube();
    const row = await db.instance.create({
      data: {
        id: instance.id, name: 'pt', kind: 'peertube', baseUrl: f.url, domain: new URL(f.url).host, allowPrivate: true, status: 'ok',
        tokenSealed: instance.tokenSealed, webhookSecretSealed: await sealToken('wh', `${f.url}#webhook`),
      },
    });
    await (await connectorFor(row)).listReports({ resolved: false });
    expect(f.state.auth.liveTokens()).toBe(1);
    await removeInstance({ ctx: { actor: await persistActor(userActor('owner')) }, input: { id: row.id } });
    expect(f.state.auth.liveTokens()).toBe(0);
    expect(cachedConnectorCount()).toBe(0);
  });

  it('a process that did not remove the instance closes its session on the next sweep', async () => {
    const { f, instance } = await peertube(); // never stored: as if another process had removed it
    await (await connectorFor(instance)).listReports({ resolved: false });
    expect(await sweepRemovedInstances()).toBe(1);
    expect(f.state.auth.liveTokens()).toBe(0);
  });
});
