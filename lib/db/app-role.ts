/**
 * The app's database role: everything the web and worker processes need, and nothing that would let them
 * rewrite the audit log. Migrations run as the owner; this runs right after them (as the owner, under the
 * migration lock) so tables added by later migrations are covered too.
 *
 * AuditEvent and AuditCheckpoint are append-only for the app (SELECT, INSERT); the one AuditHead row (made by the
 * migration) may only be advanced (SELECT, UPDATE), which is safe because it carries a MAC the database cannot
 * forge. No TRUNCATE anywhere.
 */
import pg from 'pg';
import { MIGRATION_LOCK_ID } from './migrate';

const APPEND_ONLY = ['AuditEvent', 'AuditCheckpoint'];
const ADVANCE_ONLY = ['AuditHead'];

/** Grants `role` what the app needs on the database at `ownerUrl`. Idempotent; safe to run at every start. */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const r = client.escapeIdentifier(role);
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const db = await client.query<{ name: string; owner: string }>('select current_database() as name, current_user as owner');
    const { name, owner } = db.rows[0];
    if (owner === role) return; // no separate app role: nothing to grant
    const tables = await client.query<{ t: string }>(
      "select tablename as t from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'",
    );
    const statements = [
      `grant connect on database ${client.escapeIdentifier(name)} to ${r}`,
      // pg-boss runs `create schema if not exists pgboss`, which checks CREATE on the database even when the
      // schema exists. Creating schemas gives no power over the public tables.
      `grant create on database ${client.escapeIdentifier(name)} to ${r}`,
      `grant usage on schema public to ${r}`,
      `revoke create on schema public from ${r}`,
      `grant usage, select on all sequences in schema public to ${r}`,
      `alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`,
      `alter default privileges in schema public grant usage, select on sequences to ${r}`,
    ];
    for (const { t } of tables.rows) {
      const table = `public.${client.escapeIdentifier(t)}`;
      statements.push(`revoke all on ${table} from ${r}`);
      if (APPEND_ONLY.includes(t)) statements.push(`grant select, insert on ${table} to ${r}`);
      else if (ADVANCE_ONLY.includes(t)) statements.push(`grant select, update on ${table} to ${r}`);
      else statements.push(`grant select, insert, update, delete on ${table} to ${r}`);
    }
    await client.query('begin');
    for (const s of statements) await client.query(s);
    await client.query('commit');
    await handOverJobSchema(client, role);
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end();
  }
}

/**
 * pg-boss creates and migrates its own schema and adds a partition per queue, which needs ownership of its
 * tables. An install that ran as the owner before has a pgboss schema the app role cannot use: hand it over.
 */
async function handOverJobSchema(client: pg.Client, role: string): Promise<void> {
  const r = client.escapeIdentifier(role);
  const schema = await client.query<{ owner: string }>(
    "select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = 'pgboss'",
  );
  if (schema.rowCount === 0 || schema.rows[0].owner === role) return;
  const objects = await client.query<{ stmt: string }>(`
    select format('alter table pgboss.%I owner to ${r}', c.relname) as stmt
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'pgboss' and c.relkind in ('r', 'p', 'v', 'm')
    union all
    select format('alter sequence pgboss.%I owner to ${r}', c.relname)
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'pgboss' and c.relkind = 'S' and not exists (
       select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))
    union all
    select format('alter function pgboss.%I(%s) owner to ${r}', p.proname, pg_get_function_identity_arguments(p.oid))
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'pgboss'
    union all
    select format('alter type pgboss.%I owner to ${r}', t.typname)
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname = 'pgboss' and t.typtype = 'e'`);
  try {
    await client.query('begin');
    await client.query(`alter schema pgboss owner to ${r}`);
    for (const { stmt } of objects.rows) await client.query(stmt);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => {});
    // A non-superuser owner must be a member of the app role to give objects away; say what to run instead.
    throw new Error(`could not hand the pgboss schema to ${role} (${e instanceof Error ? e.message : String(e)}); as a superuser, make ${role} the owner of schema pgboss and everything in it`);
  }
}

/** Creates a login role without special powers (or resets its password to the given one), as the owner. */
export async function ensureLoginRole(ownerUrl: string, role: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Under the migration lock: two processes starting at once would otherwise race on pg_authid.
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    const verb = exists.rowCount === 0 ? 'create' : 'alter';
    // Role DDL takes no bind parameters; the password is our own hex string, quoted anyway.
    await client.query(`${verb} role ${client.escapeIdentifier(role)} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${client.escapeLiteral(password)}`);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end();
  }
}
