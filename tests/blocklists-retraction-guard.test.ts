/**
 * Automatic retraction never empties a server because a list broke: when a fetch drops most of a list at once
 * (here 38 of 40 domains), nothing is removed without a person, the hold is audited, and the removals wait in the
 * preview; a small retraction of the same list still runs on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { performAction } from '@/lib/actions/perform-action';
import { addInstance } from '@/lib/instances/add-instance';
import { applyBlocklist } from '@/lib/blocklists/apply-blocklist';
import { autoRetractIfEnabled } from '@/lib/blocklists/auto-retract';
import { getPreview } from '@/lib/blocklists/get-preview';
import { requestBlocksSync } from '@/lib/blocklists/request-blocks-sync';
import { startFakeMastodon, type FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { systemActor } from './support/fixtures';

let fake: FakeMastodon;
let sourceId: string;
let instanceId: string;
const DOMAINS = Array.from({ length: 40 }, (_, i) => `listed-${String(i).padStart(2, '0')}.example`);

async function setEntries(domains: string[]): Promise<void> {
  await db.blocklistEntry.deleteMany({ where: { sourceId } });
  await db.blocklistEntry.createMany({ data: domains.map((domain) => ({ sourceId, domain, severity: 'suspend' })) });
}

async function fakeDomains(): Promise<string[]> {
  return ((await (await fetch(`${fake.url}/__fake/domain-blocks`)).json()) as { domain: string }[]).map((b) => b.domain);
}

async function run(applicationId: string): Promise<void> {
  for (const a of await db.action.findMany({ where: { blocklistApplicationId: applicationId } })) {
    expect(await performAction(a.id, { finalAttempt: true })).toBe('done');
  }
}

beforeAll(async () => {
  fake = await startFakeMastodon({ reports: 0, seed: 141 });
  instanceId = (await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: fake.url, token: fake.token, allowPrivate: true, name: 'Guarded' } })).id;
  await db.setting.create({ data: { key: 'blocklists.policy', value: { threshold: 1, severity: 'max', autoRetract: true } } });
  sourceId = (await db.blocklistSource.create({ data: { name: 'Big list' } })).id;
  await setEntries(DOMAINS);
  await requestBlocksSync({ ctx: { actor: systemActor }, input: {} });
  const applied = await applyBlocklist({ ctx: { actor: systemActor }, input: {} });
  await run(applied.applicationId!);
  expect((await fakeDomains()).length).toBe(40);
}, 120_000);

afterAll(async () => {
  await fake?.close();
});

describe('automatic retraction and a list that suddenly drops most of its domains', () => {
  it('holds a retraction of 38 of 40 list-made blocks for a person, and says so in the audit log', async () => {
    await setEntries(DOMAINS.slice(0, 2));
    expect(await autoRetractIfEnabled()).toBeNull();
    expect(await db.blocklistApplication.count({ where: { kind: 'auto_retract' } })).toBe(0);
    expect((await fakeDomains()).length).toBe(40);
    const held = await db.auditEvent.findFirstOrThrow({ where: { action: 'blocklist.auto_retract.held' } });
    expect(held.details).toMatchObject({ removals: 38, instances: [{ name: 'Guarded', removals: 38, listMade: 40 }] });
    const preview = await getPreview({ ctx: { actor: systemActor }, input: {} });
    expect(preview.instances.find((i) => i.instanceId === instanceId)?.counts.remove).toBe(38);
  });

  it('still retracts a few domains on its own', async () => {
    await setEntries(DOMAINS.slice(2));
    const id = await autoRetractIfEnabled();
    expect(id).not.toBeNull();
    await run(id!);
    expect((await fakeDomains()).sort()).toEqual(DOMAINS.slice(2));
  });
});
