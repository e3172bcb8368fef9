/**
 * The Prisma client (server code only). It connects through @prisma/adapter-pg to DATABASE_URL or the
 * embedded server. Created on first use, so entry points can start the embedded database before any query;
 * kept on globalThis so Next's dev reloads do not open a new pool each time.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { configuredDatabaseUrl } from '@/lib/db/database-url';

const holder = globalThis as unknown as { __prisma?: PrismaClient };

export function getDb(): PrismaClient {
  if (!holder.__prisma) {
    const adapter = new PrismaPg({ connectionString: configuredDatabaseUrl(), max: 10 });
    holder.__prisma = new PrismaClient({ adapter });
  }
  return holder.__prisma;
}

export async function disconnectDb(): Promise<void> {
  if (holder.__prisma) {
    await holder.__prisma.$disconnect();
    holder.__prisma = undefined;
  }
}

/** `db.report.findMany(...)` reads naturally; the proxy defers creating the client until first use. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
