/** A stored hook as admins see it: never the sealed secret. */
import type { NotifyHook } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { NOTIFY_EVENTS, type NotifyEvent, type NotifyHookView } from './types';

export function toHookView(h: NotifyHook, pending: number): NotifyHookView {
  return {
    id: h.id, name: h.name, kind: h.kind === 'matrix' ? 'matrix' : 'json', url: h.url, room: h.room, allowPrivate: h.allowPrivate,
    enabled: h.enabled, events: h.events.filter((e): e is NotifyEvent => (NOTIFY_EVENTS as readonly string[]).includes(e)),
    lastStatus: h.lastStatus, lastError: h.lastError, lastSentAt: h.lastSentAt?.toISOString() ?? null, pending,
  };
}

export function hookNotFound(): AppError {
  return new AppError('not_found', 'notify hook not found', { userMessage: 'That notification hook no longer exists.' });
}
