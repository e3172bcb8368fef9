/**
 * Whether report webhooks can reach the dashboard. Since Misskey 2024.10 a system webhook subscribed to abuseReport
 * gets nothing by itself: reports go only to webhooks named by an active abuse-report notification recipient with
 * method "webhook" (AbuseReportNotificationService.notifySystemWebhook). Both lists are `secure` endpoints, which
 * Misskey answers only for its web client's own token, so with an access token the check says what to look at by
 * hand instead of guessing. The check never fails verify(): polling works without webhooks.
 */
import { z } from 'zod';
import { isAppError } from '../../errors';
import type { VerifyCheck } from '../types';
import type { MisskeyClient } from './client';

export const WEBHOOK_CHECK = 'report webhooks';
const STEPS = 'a system webhook with the events abuseReport and abuseReportResolved, and a notification recipient (method Webhook) pointing at it';

const webhookSchema = z.object({ id: z.string(), isActive: z.boolean(), on: z.array(z.string()).catch([]) });
const recipientSchema = z.object({ isActive: z.boolean(), method: z.string(), systemWebhookId: z.string().nullish() });

export async function checkReportWebhooks(client: MisskeyClient): Promise<VerifyCheck> {
  let hooks: z.infer<typeof webhookSchema>[];
  let recipients: z.infer<typeof recipientSchema>[];
  try {
    hooks = z.array(webhookSchema).parse(await client.call('admin/system-webhook/list', { isActive: true }, { read: true }));
    recipients = z.array(recipientSchema).parse(await client.call('admin/abuse-report/notification-recipient/list', { method: ['webhook'] }, { read: true }));
  } catch (e) {
    const code = isAppError(e) && typeof e.details?.code === 'string' ? e.details.code : null;
    if (code === 'ACCESS_DENIED' || code === 'PERMISSION_DENIED' || code === 'NO_SUCH_ENDPOINT') {
      return { name: WEBHOOK_CHECK, optional: true, ok: false, detail: `Not checked (Misskey shows these settings only in its control panel). Optional: for instant updates add ${STEPS}.` };
    }
    if (isAppError(e) && (e.code === 'rate_limited' || e.code === 'remote_unreachable')) throw e;
    return { name: WEBHOOK_CHECK, optional: true, ok: false, detail: 'Not checked: the instance answered the webhook lists in an unexpected way.' };
  }
  const reportHooks = hooks.filter((h) => h.isActive && h.on.includes('abuseReport'));
  if (reportHooks.length === 0) return { name: WEBHOOK_CHECK, optional: true, ok: false, detail: `Not set up (optional; polling still works). Add ${STEPS}.` };
  const wired = reportHooks.filter((h) => recipients.some((r) => r.isActive && r.method === 'webhook' && r.systemWebhookId === h.id));
  if (wired.length === 0) {
    return {
      name: WEBHOOK_CHECK, optional: true, ok: false,
      detail: 'A system webhook for abuseReport exists, but no active notification recipient (method Webhook) points at it, so Misskey sends it nothing. Add one under Control panel → Reports → Notification settings.',
    };
  }
  const resolvedToo = wired.some((h) => h.on.includes('abuseReportResolved'));
  return {
    name: WEBHOOK_CHECK, ok: true,
    detail: resolvedToo ? 'A system webhook and its notification recipient deliver report events' : 'Set up for new reports; add the abuseReportResolved event too for resolutions',
  };
}
