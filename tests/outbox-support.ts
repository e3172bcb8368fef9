/** Shared by the outbox tests: a fake Mastodon behind a fault proxy, stored as an instance, and queue helpers. */
import pg from 'pg';
import { startFakeMastodon, type FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { startFaultProxy, type FaultProxy, type FaultRule } from '@/e2e/fakes/fault-proxy';
import { db } from '@/lib/db';
import { sealToken } from '@/lib/instances/token-box';
import { getBoss } from '@/lib/jobs/boss';
import { syncInstance } from '@/lib/sync/sync-instance';

export async function proxiedFake(reports: number, seed: number, rules: FaultRule[] = [], opts: { keepMedia?: boolean } = {}): Promise<{ fake: FakeMastodon; proxy: FaultProxy; instanceId: string }> {
  const fake = await startFakeMastodon({ reports, seed });
  const proxy = await startFaultProxy(fake.url, rules);
  const row = await db.instance.create({
    data: {
      name: 'Proxied fake', kind: 'mastodon', baseUrl: proxy.url, domain: fake.state.domain, allowPrivate: true, status: 'ok',
      tokenSealed: await sealToken(fake.token, proxy.url), webhookSecretSealed: await sealToken('whsecret-test', `${proxy.url}#webhook`),
    },
  });
  await syncInstance(row.id);
  // The tests drive deliveries themselves; a scheduled sync would only add noise to the request log.
  await db.instance.update({ where: { id: row.id }, data: { syncEnabled: false } });
  if (opts.keepMedia !== true) await db.media.updateMany({ where: { instanceId: row.id }, data: { state: 'skipped' } });
  return { fake, proxy, instanceId: row.id };
}

/**
 * Runs every queued job of an outbox queue once, as a worker would, but regardless of its start time: a wake-up
 * that comes early must find the row not yet due, so the row's own backoff (not pg-boss) decides.
 */
export async function drainQueue<T>(name: string, handler: (data: T) => Promise<unknown>): Promise<number> {
  const boss = await getBoss();
  let ran = 0;
  for (;;) {
    const jobs = await boss.fetch<T>(name, { batchSize: 50, ignoreStartAfter: true });
    if (jobs.length === 0) return ran;
    for (const job of jobs) {
      await handler(job.data);
      await boss.complete(name, job.id);
      ran++;
    }
  }
}

/** The most queued (not yet started) jobs any one row has: the outbox promises at most one. */
export async function maxQueuedPerKey(name: string): Promise<number> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(`select coalesce(max(n), 0)::text as n from (select count(*) as n from pgboss.job where name = $1 and state = 'created' group by singleton_key) x`, [name]);
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}
