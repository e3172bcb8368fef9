/**
 * pg-boss on the app's own Postgres. Web processes only send jobs (no supervision or cron there);
 * worker processes also run maintenance and schedules. Jobs are idempotent, so several workers are safe.
 */
import PgBoss from 'pg-boss';
import { configuredDatabaseUrl } from '@/lib/db/database-url';
import { QUEUES } from './queues';

const holder = globalThis as unknown as { __boss?: Promise<PgBoss>; __bossRole?: 'sender' | 'worker' };

export async function getBoss(role: 'sender' | 'worker' = 'sender'): Promise<PgBoss> {
  if (!holder.__boss) {
    holder.__bossRole = role;
    holder.__boss = (async () => {
      const boss = new PgBoss({
        connectionString: configuredDatabaseUrl(),
        max: role === 'worker' ? 6 : 2,
        supervise: role === 'worker',
        schedule: role === 'worker',
        migrate: true,
      });
      boss.on('error', (e) => console.error(`[jobs] ${e.message}`));
      await boss.start();
      for (const q of QUEUES) {
        await boss.createQueue(q.name, { name: q.name, ...q.options });
        // createQueue leaves an existing queue as it was: bring policy and retries of older databases up to date.
        await boss.updateQueue(q.name, { name: q.name, ...q.options });
      }
      return boss;
    })();
  }
  return holder.__boss;
}

export async function stopBoss(): Promise<void> {
  if (holder.__boss) {
    const boss = await holder.__boss;
    holder.__boss = undefined;
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
