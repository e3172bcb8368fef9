/**
 * Report-event deliveries as Misskey 2024.10+ makes them (AbuseReportNotificationService.notifySystemWebhook and
 * SystemWebhookDeliverProcessorService): only to active system webhooks subscribed to the event AND named by an
 * active notification recipient with method 'webhook'. The body is the report row, not the packed report: no
 * createdAt, no notes, users in the short UserLite form; the envelope's createdAt is the delivery time in ms.
 */
import type { FakeDelivery, FakeReport, FakeUser } from './entities';
import type { FakeMisskeyState } from './state';

export type ReportEvent = FakeDelivery['type'];

/** UserEntityService.pack with schema 'UserLite': no isSuspended, isSilenced, createdAt, url or uri. */
export function packUserLite(state: FakeMisskeyState, u: FakeUser) {
  return {
    id: u.id, name: u.name, username: u.username, host: u.host, avatarUrl: `${state.baseUrl}/identicon/${u.id}`, avatarBlurhash: null,
    avatarDecorations: [], isBot: false, isCat: false, emojis: {}, onlineStatus: 'unknown', badgeRoles: [],
    ...(u.host ? { instance: { name: u.host, softwareName: 'misskey', softwareVersion: null, iconUrl: null, faviconUrl: null, themeColor: null } } : {}),
  };
}

/** The MiAbuseUserReport row spread with its users packed, as notifySystemWebhook builds it. */
export function reducedReportBody(state: FakeMisskeyState, r: FakeReport) {
  const lite = (id: string | null) => {
    const u = id ? state.users.get(id) : undefined;
    return u ? packUserLite(state, u) : undefined;
  };
  return {
    id: r.id, targetUserId: r.targetUserId, targetUserHost: state.users.get(r.targetUserId)?.host ?? null,
    reporterId: r.reporterId, reporterHost: state.users.get(r.reporterId)?.host ?? null, assigneeId: r.assigneeId,
    resolved: r.resolved, forwarded: r.forwarded, comment: r.comment, moderationNote: r.moderationNote, resolvedAs: r.resolvedAs,
    reporter: lite(r.reporterId), targetUser: lite(r.targetUserId), assignee: r.assigneeId ? lite(r.assigneeId) ?? null : null,
  };
}

/** Sends the event to every wired-up webhook, in the background; FakeMisskey.flushWebhooks waits for them. */
export function notifyReportEvent(state: FakeMisskeyState, report: FakeReport, type: ReportEvent): void {
  const hookIds = [...state.recipients.values()]
    .filter((r) => r.isActive && r.method === 'webhook' && r.systemWebhookId)
    .map((r) => r.systemWebhookId);
  for (const hook of [...state.systemWebhooks.values()]) {
    if (!hook.isActive || !hook.on.includes(type) || !hookIds.includes(hook.id)) continue;
    const body = JSON.stringify({
      server: state.baseUrl, hookId: hook.id, eventId: `${hook.id}-${state.deliveries.length + 1}`, createdAt: Date.now(), type,
      body: reducedReportBody(state, report),
    });
    const delivery: FakeDelivery = { webhookId: hook.id, type, reportId: report.id, status: null, error: null, body };
    state.deliveries.push(delivery);
    const sent = fetch(hook.url, {
      method: 'POST',
      headers: {
        'User-Agent': 'Misskey-Hooks', 'X-Misskey-Host': new URL(state.baseUrl).host, 'X-Misskey-Hook-Id': hook.id,
        'X-Misskey-Hook-Secret': hook.secret, 'Content-Type': 'application/json',
      },
      body,
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (res) => {
        await res.arrayBuffer();
        delivery.status = res.status;
        Object.assign(hook, { latestSentAt: new Date().toISOString(), latestStatus: res.status });
      })
      .catch((e: unknown) => {
        delivery.error = e instanceof Error ? e.message : String(e);
      })
      .finally(() => state.inFlight.delete(sent));
    state.inFlight.add(sent);
  }
}
