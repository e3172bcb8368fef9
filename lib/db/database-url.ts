import { env } from '@/lib/env';
import type { EmbeddedHandle } from './embedded';
import { embeddedAppUrl, hasEmbeddedAppRole } from './embedded-app-role';
import { embeddedUrl } from './embedded-url';

/**
 * Where the database is: DATABASE_URL when set, else the embedded server (started if nothing listens yet).
 * Entry points (start, cli, tests) call this once before anything touches Prisma.
 */
export async function ensureDatabase(log?: (m: string) => void): Promise<EmbeddedHandle> {
  const url = env().DATABASE_URL;
  if (url) return { url, stop: async () => {} };
  // Loaded only by entry points that may start the server (start, cli, tests), never by the web bundle.
  const { startEmbeddedPostgres } = await import('./embedded');
  return startEmbeddedPostgres(log);
}

/** The app's connection: entry points set DATABASE_URL (prepare-database.ts); else the embedded app role. */
export function configuredDatabaseUrl(): string {
  return env().DATABASE_URL ?? (hasEmbeddedAppRole() ? embeddedAppUrl() : embeddedUrl());
}
