/**
 * The bench needs the exact SQL listQueue sends, to EXPLAIN it. It installs a Prisma client with query events
 * as lib/db's shared client (the same globalThis slot lib/db fills lazily), so the verbs run unchanged.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

export interface CapturedQuery { sql: string; params: unknown[] }

export function installCapturingClient(url: string) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: 'event', level: 'query' }] });
  let sink: CapturedQuery[] | null = null;
  client.$on('query', (e) => {
    if (sink) sink.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  (globalThis as unknown as { __prisma?: PrismaClient }).__prisma = client;
  return {
    client,
    async capture(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
      const out: CapturedQuery[] = [];
      sink = out;
      try {
        await fn();
      } finally {
        sink = null;
      }
      return out;
    },
  };
}

/** The queue's main query: the paged read of Report (ordered, limited), not the counts or lookups. */
export function mainQueueQuery(queries: CapturedQuery[]): CapturedQuery {
  const q = queries.find((x) => /from "public"\."Report"/i.test(x.sql) && /order by/i.test(x.sql) && /limit/i.test(x.sql) && !/group by/i.test(x.sql));
  if (!q) throw new Error(`main queue query not found among ${queries.length} captured queries`);
  return q;
}
