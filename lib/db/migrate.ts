/**
 * Applies the committed migrations (prisma/migrations) with Prisma's bookkeeping table, so the
 * database stays compatible with Prisma's own tooling. An advisory lock lets several processes start at once.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { readMigrationDirs } from './migration-files';

/** Also taken by grantAppRole, so grants never race a migration in another process. */
export const MIGRATION_LOCK_ID = 72_451_903;
const LOCK_ID = MIGRATION_LOCK_ID;

export async function applyMigrations(url: string, dir = path.join(process.cwd(), 'prisma/migrations')): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(`create table if not exists "_prisma_migrations" (
      "id" varchar(36) primary key not null,
      "checksum" varchar(64) not null,
      "finished_at" timestamptz,
      "migration_name" varchar(255) not null,
      "logs" text,
      "rolled_back_at" timestamptz,
      "started_at" timestamptz not null default now(),
      "applied_steps_count" integer not null default 0)`);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'select migration_name, checksum from "_prisma_migrations" where finished_at is not null and rolled_back_at is null',
    );
    const doneNames = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    for (const m of readMigrationDirs(dir)) {
      const checksum = crypto.createHash('sha256').update(m.sql).digest('hex');
      const previous = doneNames.get(m.name);
      if (previous) {
        if (previous !== checksum) console.warn(`migration ${m.name} was edited after it was applied`);
        continue;
      }
      const id = crypto.randomUUID();
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query(
          `insert into "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) values ($1, $2, $3, now(), 1)`,
          [id, checksum, m.name],
        );
        await client.query('commit');
        applied.push(m.name);
      } catch (e) {
        await client.query('rollback');
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_ID]).catch(() => {});
    await client.end();
  }
  return applied;
}
