/**
 * The two lists the connector's verify() reads to see whether report webhooks are wired up (misskey-dev/misskey
 * admin/system-webhook/list.ts and admin/abuse-report/notification-recipient/list.ts): both are `secure` and
 * requireModerator, so an access token gets ACCESS_DENIED and only the web client's own token can read them.
 */
import type { FakeRecipient } from './entities';
import type { Endpoint } from './endpoint-types';
import type { FakeMisskeyState } from './state';

export const webhookEndpoints: Record<string, Endpoint> = {
  'admin/system-webhook/list': {
    kind: 'write:admin:system-webhook', // as the endpoint meta declares it, though it only reads
    moderator: true,
    secure: true,
    handler: ({ state, body }) => {
      const on = Array.isArray(body.on) ? body.on.filter((x): x is string => typeof x === 'string') : null;
      return [...state.systemWebhooks.values()]
        .filter((w) => (typeof body.isActive === 'boolean' ? w.isActive === body.isActive : true) && (!on || on.some((e) => w.on.includes(e))))
        .map((w) => ({ ...w, updatedAt: new Date(0).toISOString() }));
    },
  },
  'admin/abuse-report/notification-recipient/list': {
    kind: 'read:admin:abuse-report:notification-recipient',
    moderator: true,
    secure: true,
    handler: ({ state, body }) => {
      const methods = Array.isArray(body.method) ? body.method : null;
      return [...state.recipients.values()]
        .filter((r) => !methods || methods.includes(r.method))
        .map((r) => packRecipient(state, r));
    },
  },
};

function packRecipient(state: FakeMisskeyState, r: FakeRecipient) {
  const hook = r.systemWebhookId ? state.systemWebhooks.get(r.systemWebhookId) : undefined;
  return {
    id: r.id, isActive: r.isActive, updatedAt: new Date(0).toISOString(), name: r.name, method: r.method,
    ...(r.userId ? { userId: r.userId } : {}),
    ...(r.systemWebhookId ? { systemWebhookId: r.systemWebhookId } : {}),
    ...(hook ? { systemWebhook: { ...hook, updatedAt: new Date(0).toISOString() } } : {}),
  };
}


