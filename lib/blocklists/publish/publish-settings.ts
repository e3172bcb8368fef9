/** Setting 'blocklists.publish': whether the merged list is published, publicly or behind a token. */
import { z } from 'zod';
import { db } from '@/lib/db';

export const PUBLISH_KEY = 'blocklists.publish';

const stored = z.object({ enabled: z.boolean(), public: z.boolean(), token: z.string().min(16).nullable() });
export type PublishSettings = z.infer<typeof stored>;
export const PUBLISH_DEFAULT: PublishSettings = { enabled: false, public: false, token: null };

export function parsePublishSettings(value: unknown): PublishSettings {
  const parsed = stored.safeParse(value);
  return parsed.success ? parsed.data : PUBLISH_DEFAULT;
}

export async function readPublishSettings(): Promise<PublishSettings> {
  const row = await db.setting.findUnique({ where: { key: PUBLISH_KEY } });
  return parsePublishSettings(row?.value);
}
