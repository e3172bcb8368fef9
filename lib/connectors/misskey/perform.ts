/** Maps each supported ConnectorAction to its Misskey endpoint (instance-apis.md §4). All of them answer 204. */
import { AppError } from '../../errors';
import type { ActionResult, ConnectorAction } from '../types';
import { MODERATION_NOTE_MAX } from './capabilities';
import type { MisskeyClient } from './client';
import { createMisskeyReport } from './create-report';
import { findReport } from './list-reports';
import { reconcileMisskeyDomainBlocks } from './reconcile-domain-blocks';
import { safeId } from './parse-remote';

export async function performMisskey(client: MisskeyClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.resolve':
      // Always "accept": the action carries no outcome, and "reject" would tell the reporter nothing was wrong.
      await client.call('admin/resolve-abuse-user-report', { reportId: safeId(action.reportId), resolvedAs: 'accept' });
      return { ok: true, remoteRef: action.reportId };
    case 'report.reject':
      // "reject" is Misskey's "no violation" outcome. Like resolve, Misskey takes no comment: it stays in the dashboard.
      await client.call('admin/resolve-abuse-user-report', { reportId: safeId(action.reportId), resolvedAs: 'reject' });
      return { ok: true, remoteRef: action.reportId };
    case 'report.note':
      return appendModerationNote(client, action.reportId, action.text);
    case 'report.forward':
      await client.call('admin/forward-abuse-user-report', { reportId: safeId(action.reportId) });
      return { ok: true, remoteRef: action.reportId };
    case 'report.create':
      return createMisskeyReport(client, action);
    case 'account.action':
      if (action.type !== 'suspend') throw unsupported(`account.action ${action.type}`);
      await client.call('admin/suspend-user', { userId: safeId(action.accountId) });
      return { ok: true, remoteRef: action.accountId };
    case 'account.undo':
      if (action.type !== 'unsuspend') throw unsupported(`account.undo ${action.type}`);
      await client.call('admin/unsuspend-user', { userId: safeId(action.accountId) });
      return { ok: true, remoteRef: action.accountId };
    case 'account.delete':
      // Misskey takes no reason; the deletion itself finishes in a background job on the instance.
      await client.call('admin/delete-account', { userId: safeId(action.accountId) });
      return { ok: true, remoteRef: action.accountId };
    case 'status.delete':
      await client.call('notes/delete', { noteId: safeId(action.statusId) });
      return { ok: true, remoteRef: action.statusId };
    case 'media.delete':
      // mediaId is the drive file id our mapper used as RemoteMedia.remoteId.
      await client.call('drive/files/delete', { fileId: safeId(action.mediaId) });
      return { ok: true, remoteRef: action.mediaId };
    case 'domain.blocks_reconcile':
      return reconcileMisskeyDomainBlocks(client, action.changes);
    case 'media.purge': {
      // Deriving a host from `urls` would purge a whole host when one file was meant, so a host is required.
      if (!action.host) {
        throw new AppError('bad_request', 'Misskey media.purge needs a host', {
          userMessage: 'Misskey purges cached media per remote host only. Choose a host.',
        });
      }
      const host = checkHost(action.host);
      await client.call('admin/federation/delete-all-files', { host });
      return { ok: true, remoteRef: host };
    }
    default:
      throw unsupported(action.kind);
  }
}

/**
 * Misskey keeps one moderationNote per report and admin/update-abuse-user-report replaces it whole, so the
 * current note is read first and the new text appended after a blank line. A note another moderator saves
 * between the read and the write is lost: Misskey has no compare-and-set for it.
 */
async function appendModerationNote(client: MisskeyClient, rawReportId: string, rawText: string): Promise<ActionResult> {
  const reportId = safeId(rawReportId);
  const text = rawText.trim();
  if (!text) {
    throw new AppError('bad_request', 'Misskey report.note needs text', { userMessage: 'Write the note first: it is empty.' });
  }
  const existing = (await findReport(client, reportId)).moderationNote ?? '';
  const moderationNote = existing.trim() ? `${existing}\n\n${text}` : text;
  // Checked here because the instance would fail the whole write (a database error, HTTP 500) rather than cut it.
  const length = [...moderationNote].length;
  if (length > MODERATION_NOTE_MAX) {
    throw new AppError('bad_request', `Misskey moderation note would be ${length} characters`, {
      userMessage: `Misskey keeps at most ${MODERATION_NOTE_MAX} characters of moderation note per report, and this note would make it ${length}. Shorten it.`,
    });
  }
  await client.call('admin/update-abuse-user-report', { reportId, moderationNote });
  return { ok: true, remoteRef: reportId };
}

function unsupported(what: string): AppError {
  return new AppError('unsupported', `Misskey connector cannot perform ${what}`);
}

function checkHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (!h || h.length > 253 || /[\s/?#@]/.test(h)) {
    throw new AppError('bad_request', 'Invalid host for a media purge', { userMessage: 'That is not a valid host name.' });
  }
  return h;
}
