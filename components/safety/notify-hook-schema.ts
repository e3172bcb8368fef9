/** The hook answers as the page parses them (nothing from the server is trusted by cast). */
import { z } from 'zod';
import { NOTIFY_EVENTS, type NotifyEvent } from '@/lib/notify/types';

export const hookViewSchema = z.object({
  id: z.string(), name: z.string(), kind: z.enum(['json', 'matrix']), url: z.string(), room: z.string().nullable(),
  allowPrivate: z.boolean(), enabled: z.boolean(), events: z.array(z.enum(NOTIFY_EVENTS)),
  lastStatus: z.string().nullable(), lastError: z.string().nullable(), lastSentAt: z.string().nullable(), pending: z.number(),
});
export const hookAnswer = z.object({ hook: hookViewSchema });
export const testAnswer = z.object({ ok: z.boolean(), detail: z.string() });
export const okAnswer = z.object({ ok: z.literal(true) });

export const EVENT_LABEL: Record<NotifyEvent, string> = {
  'hold.placed': 'Something was held',
  'hold.overdue': 'A hold was not reviewed in time',
  'hold.would_hold': 'A dry-run rule would have held something',
};
