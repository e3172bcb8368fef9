import { db } from '@/lib/db';

export async function checkHealth(): Promise<{ ok: boolean; database: boolean }> {
  try {
    await db.$queryRawUnsafe('select 1');
    return { ok: true, database: true };
  } catch {
    return { ok: false, database: false };
  }
}
