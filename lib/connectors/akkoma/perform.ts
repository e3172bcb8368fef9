/** Maps each ConnectorAction to its Akkoma admin endpoint (instance-apis.md §5). */
import { AppError, isAppError } from '../../errors';
import type { ActionResult, ConnectorAction, RemoteReport } from '../types';
import { akkomaReportSchema, statusSchema } from './api-types';
import { ADMIN, type AkkomaClient } from './client';
import { mapReport } from './mapper';
import { parseRemote, safeId, safeNickname } from './parse';
import { writableOrNull } from '../shared/report-items';
import { accountAction, accountDelete, accountUndo } from './perform-accounts';
import { unsupported } from './unsupported';
import { purgeUrls } from './proxy-origin';
import { createReportAkkoma } from './create-report';

/** What PUT /statuses/:id can set from this dashboard; Akkoma's "private" is followers only. */
const VISIBILITIES = ['public', 'unlisted', 'private'] as const;

export async function performAkkoma(client: AkkomaClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.resolve': {
      const id = safeId(action.reportId);
      // The note goes first: if resolving then fails the report stays open and a retry fixes it, whereas
      // a resolved report whose note failed would lose the reason.
      if (action.comment?.trim()) await addNote(client, id, action.comment);
      await setReportState(client, id, 'resolved');
      return { ok: true, remoteRef: id };
    }
    case 'report.reject': {
      // Akkoma's "closed" state is its "no action needed"; the reason goes first as a note, like resolve's.
      const id = safeId(action.reportId);
      if (action.comment?.trim()) await client.request('POST', `${ADMIN}/reports/${id}/notes`, { json: { content: action.comment } });
      await setReportState(client, id, 'closed');
      return { ok: true, remoteRef: id };
    }
    case 'report.reopen':
      await setReportState(client, safeId(action.reportId), 'open');
      return { ok: true, remoteRef: action.reportId };
    case 'report.note': {
      const id = safeId(action.reportId);
      const text = action.text.trim();
      if (!text) {
        throw new AppError('bad_request', 'Akkoma report.note without text', {
          userMessage: 'Write the note first: Akkoma does not keep empty notes.',
        });
      }
      await addNote(client, id, text);
      return { ok: true, remoteRef: id, report: await freshReport(client, id) };
    }
    case 'status.delete':
      await client.request('DELETE', `${ADMIN}/statuses/${safeId(action.statusId)}`);
      return { ok: true, remoteRef: action.statusId };
    case 'status.sensitive': {
      const data = await client.request('PUT', `${ADMIN}/statuses/${safeId(action.statusId)}`, { json: { sensitive: action.sensitive } });
      return { ok: true, remoteRef: parseRemote(statusSchema, data, 'status').id };
    }
    case 'status.visibility': {
      const { visibility } = action;
      // The type already says so; this guards callers that build actions from unchecked input.
      if (!(VISIBILITIES as readonly string[]).includes(visibility)) {
        throw new AppError('unsupported', `Akkoma status.visibility ${String(visibility)}`, {
          userMessage: 'Akkoma can make a post public, unlisted or private (followers only).',
        });
      }
      const data = await client.request('PUT', `${ADMIN}/statuses/${safeId(action.statusId)}`, { json: { visibility } });
      return { ok: true, remoteRef: parseRemote(statusSchema, data, 'status').id };
    }
    case 'account.action':
      return accountAction(client, safeNickname(action.accountId), action.type);
    case 'account.undo':
      return accountUndo(client, safeNickname(action.accountId), action.type);
    case 'account.delete':
      return accountDelete(client, safeNickname(action.accountId));
    case 'report.create':
      return createReportAkkoma(client, action);
    case 'media.purge': {
      const urls = (action.urls ?? []).filter((u) => /^https?:\/\//i.test(u));
      if (urls.length === 0) {
        throw new AppError('unsupported', 'Akkoma media.purge needs URLs', {
          userMessage: 'Akkoma purges media by URL only: give the media URLs to purge.',
        });
      }
      await client.request('POST', `${ADMIN}/media_proxy_caches/purge`, { json: { urls: purgeUrls(urls), ban: true } });
      return { ok: true, remoteRef: null };
    }
    default:
      throw unsupported(action.kind);
  }
}

function setReportState(client: AkkomaClient, id: string, state: 'open' | 'resolved' | 'closed') {
  return client.request('PATCH', `${ADMIN}/reports`, { json: { reports: [{ id, state }] } });
}

// Akkoma created report_notes.content as varchar(255); Pleroma later widened it to text. On a server without
// that change a longer note fails in the database with a bare 500 (verify which Akkoma versions have it).
const OLD_NOTE_LIMIT = 255;

async function addNote(client: AkkomaClient, reportId: string, content: string): Promise<void> {
  try {
    await client.request('POST', `${ADMIN}/reports/${reportId}/notes`, { json: { content } });
  } catch (e) {
    if (isAppError(e) && e.code === 'remote_error' && e.details?.status === 500) {
      const long = content.length > OLD_NOTE_LIMIT;
      throw new AppError('remote_error', e.message, {
        details: e.details,
        cause: e,
        userMessage: long
          ? `Akkoma could not save the note. Some Akkoma versions keep at most ${OLD_NOTE_LIMIT} characters per note: shorten it and try again.`
          : 'Akkoma could not save the note (server error). It fails this way when the report no longer exists.',
      });
    }
    throw e;
  }
}

/**
 * The report as it is after adding a note, so the new note shows at once. A failed re-read is not the note's
 * failure: reporting it as one would make the caller retry and add the note twice, so it yields null instead.
 */
async function freshReport(client: AkkomaClient, id: string): Promise<RemoteReport | null> {
  try {
    return writableOrNull(mapReport(parseRemote(akkomaReportSchema, await client.request('GET', `${ADMIN}/reports/${id}`), 'report')));
  } catch {
    return null;
  }
}
