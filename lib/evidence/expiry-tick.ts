/** Called by the scheduler's minute tick: queues the expiry sweep when the last one finished over 24 h ago. */
import { z } from 'zod';
import { db } from '@/lib/db';
import { enqueueEvidenceExpiry } from '@/lib/jobs/enqueue';
import { EXPIRY_SETTING_KEY } from './expire-evidence';

const DAY_MS = 86_400_000;
const stored = z.object({ lastRunAt: z.iso.datetime() });

export async function runEvidenceExpiryTick(now: Date = new Date()): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: EXPIRY_SETTING_KEY } });
  const parsed = stored.safeParse(row?.value);
  if (parsed.success && now.getTime() - new Date(parsed.data.lastRunAt).getTime() < DAY_MS) return false;
  // The queue is a singleton: a tick every minute while a sweep is queued or running adds nothing.
  await enqueueEvidenceExpiry();
  return true;
}
