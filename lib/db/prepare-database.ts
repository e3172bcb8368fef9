/**
 * What every entry point (start, web, worker, cli, demo) does before touching Prisma: find or start the
 * database, apply migrations as the owner, grant the app role, and point this process and its children at
 * the app role. The app role cannot update, delete or truncate the audit log (lib/db/app-role.ts).
 *
 * - Embedded (no DATABASE_URL): the embedded superuser is the owner; the app connects as `fedimod_app`.
 * - External: DATABASE_URL is the app role and DATABASE_OWNER_URL the owner. Without DATABASE_OWNER_URL the
 *   app migrates and runs as DATABASE_URL, as before, and says once that the audit log is then only as safe
 *   as that role.
 */
import { env, setProcessEnv } from '@/lib/env';
import { grantAppRole } from './app-role';
import { ensureDatabase } from './database-url';
import { ensureEmbeddedAppRole } from './embedded-app-role';
import { applyMigrations } from './migrate';

export interface PreparedDatabase {
  /** What the app connects as. */
  url: string;
  ownerUrl: string;
  applied: string[];
  stop(): Promise<void>;
}

export async function prepareDatabase(log: (m: string) => void = () => {}): Promise<PreparedDatabase> {
  const e = env();
  const handle = await ensureDatabase(log);
  let url = handle.url;
  let ownerUrl = handle.url;
  let applied: string[];
  if (!e.DATABASE_URL) {
    applied = await applyMigrations(ownerUrl);
    url = await ensureEmbeddedAppRole(ownerUrl);
    await grantAppRole(ownerUrl, new URL(url).username);
  } else if (e.DATABASE_OWNER_URL) {
    ownerUrl = e.DATABASE_OWNER_URL;
    applied = await applyMigrations(ownerUrl);
    await grantAppRole(ownerUrl, decodeURIComponent(new URL(url).username));
  } else {
    applied = await applyMigrations(url);
    log('WARNING: DATABASE_OWNER_URL is not set, so the app runs as the database owner and could rewrite its own audit log. Set DATABASE_URL to a role without ownership and DATABASE_OWNER_URL to the owner (README, "Security model").');
  }
  // Children (web, worker) inherit these and skip straight to the grants check above.
  setProcessEnv({ DATABASE_URL: url, ...(ownerUrl !== url ? { DATABASE_OWNER_URL: ownerUrl } : {}) });
  return { url, ownerUrl, applied, stop: handle.stop };
}
