/** Shared rows for the holding tests: instances on the fakes, a severity bank for a media item, a rule, an item. */
import crypto from 'node:crypto';
import { startFakeAkkoma, type FakeAkkoma } from '@/e2e/fakes/akkoma/server';
import { db } from '@/lib/db';
import { saveRule } from '@/lib/holding/save-rule';
import type { HoldRuleInput } from '@/lib/holding/types';
import { sealToken } from '@/lib/instances/token-box';
import { syncInstance } from '@/lib/sync/sync-instance';
import { addEntry, hashesOf, makeBank } from './matching-fixtures';
import { systemActor } from './support/fixtures';

export async function connectedAkkoma(seed: number): Promise<{ fake: FakeAkkoma; instanceId: string }> {
  const fake = await startFakeAkkoma({ reports: 6, seed });
  const row = await db.instance.create({
    data: {
      name: `Akkoma ${seed}`, kind: 'akkoma', baseUrl: fake.url, domain: fake.state.domain, allowPrivate: true, status: 'ok',
      tokenSealed: await sealToken(fake.token, fake.url), webhookSecretSealed: await sealToken('wh', `${fake.url}#webhook`),
    },
  });
  await syncInstance(row.id);
  await db.instance.update({ where: { id: row.id }, data: { syncEnabled: false } });
  return { fake, instanceId: row.id };
}

/** An image of an open item on the instance, and a bank of `severity` holding its MD5. */
export async function bankedMedia(instanceId: string, severity = 5) {
  const media = await db.media.findFirstOrThrow({
    where: { instanceId, type: 'image', status: { reports: { some: { report: { status: 'open' } } } } },
    orderBy: { remoteId: 'asc' },
  });
  const bytes = Buffer.from(await (await fetch(media.url)).arrayBuffer());
  const bank = await makeBank('match', severity);
  await addEntry(bank.id, 'md5', (await hashesOf(bytes)).md5!);
  return { media, bank };
}

export async function makeRule(over: Partial<HoldRuleInput>) {
  return saveRule({
    ctx: { actor: systemActor },
    input: { rule: { name: `rule-${crypto.randomUUID()}`, trigger: 'bank_match', mode: 'live', minSeverity: 4, level: 'sensitive', reviewMinutes: 60, ...over } },
  });
}

/** An open item written directly (for kinds whose fake is not needed: nothing is sent to them). */
export async function localItem(kind: string) {
  const inst = await db.instance.create({
    data: { name: `${kind}-${crypto.randomUUID().slice(0, 6)}`, kind, baseUrl: `https://${crypto.randomUUID()}.example`, domain: `${kind}.example`, tokenSealed: 'x', webhookSecretSealed: 'x', status: 'ok' },
  });
  const target = await db.account.create({ data: { instanceId: inst.id, remoteId: `acc-${crypto.randomUUID()}`, username: 'target', acct: 'target' } });
  const report = await db.report.create({
    data: { instanceId: inst.id, remoteId: `r-${crypto.randomUUID()}`, status: 'open', category: 'other', targetId: target.id, remoteCreatedAt: new Date(), contentHash: crypto.randomUUID() },
  });
  const status = await db.status.create({ data: { instanceId: inst.id, remoteId: `s-${crypto.randomUUID()}`, accountId: target.id, visibility: 'public' } });
  await db.reportStatusLink.create({ data: { reportId: report.id, statusId: status.id } });
  return { instanceId: inst.id, report, status };
}
