import { env } from '@/lib/env';
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedHandle } from './embedded';

/**
 * Where the database is: DATABASE_URL when set, else the embedded server (started if nothing listens yet).
 * Entry points (start, cli, tests) call this once before anything touches Prisma.
 */
export async function ensureDatabase(log?: (m: string) => void): Promise<EmbeddedHandle> {
  const url = env().DATABASE_URL;
  if (url) return { url, stop: async () => {} };
  return startEmbeddedPostgres(log);
}

export function configuredDatabaseUrl(): string {
  return env().DATABASE_URL ?? embeddedUrl();
}
