/** Pure: a moderator's request plus the report's remote ids become the connector's action. */
import type { ConnectorAction } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import type { ActionInput } from './action-input';

export interface ReportRefs {
  reportRemoteId: string;
  /** A watch item (Report kind 'watch'): its remote id is ours (`watch:…`), never a report id the server knows. */
  watchItem?: boolean;
  targetRemoteId: string;
  targetDomain: string | null;
  /** The reported account's handle, which account.delete's confirmation must repeat. */
  targetAcct: string;
  /** Our status id → the server's id, for the statuses this report points at. */
  statusRemoteIds: Record<string, string>;
  /** URLs of the report's media as the instance serves them (purge targets). */
  mediaUrls: string[];
  /** Our media id → the server's id, for the media of this report's statuses. */
  mediaRemoteIds: Record<string, string>;
}

function statusRef(refs: ReportRefs, statusId: string): string {
  const remote = refs.statusRemoteIds[statusId];
  if (!remote) throw new AppError('bad_request', 'status not in report', { userMessage: 'That post is not part of this report.' });
  return remote;
}

export function toConnectorAction(input: ActionInput, refs: ReportRefs): ConnectorAction {
  switch (input.kind) {
    case 'report.assign_to_self':
    case 'report.unassign':
    case 'report.reopen':
      return { kind: input.kind, reportId: refs.reportRemoteId };
    case 'report.resolve':
      return { kind: input.kind, reportId: refs.reportRemoteId, comment: input.comment || undefined };
    case 'report.set_category':
      return { kind: input.kind, reportId: refs.reportRemoteId, category: input.category };
    case 'account.action':
      return { kind: input.kind, accountId: refs.targetRemoteId, type: input.type, text: input.text || undefined, notify: input.notify, ...(refs.watchItem || !input.withReport ? {} : { reportId: refs.reportRemoteId }) };
    case 'account.undo':
      return { kind: input.kind, accountId: refs.targetRemoteId, type: input.type };
    case 'report.forward':
      return { kind: input.kind, reportId: refs.reportRemoteId };
    case 'status.delete':
    case 'status.purge':
      return { kind: input.kind, statusId: statusRef(refs, input.statusId), reason: input.reason || undefined };
    case 'status.sensitive':
      return { kind: input.kind, statusId: statusRef(refs, input.statusId), sensitive: input.sensitive };
    case 'status.block':
      return { kind: input.kind, statusId: statusRef(refs, input.statusId), blocked: input.blocked, reason: input.reason || undefined };
    case 'status.visibility':
      return { kind: input.kind, statusId: statusRef(refs, input.statusId), visibility: input.visibility };
    case 'media.delete': {
      const mediaId = refs.mediaRemoteIds[input.mediaId];
      if (!mediaId) throw new AppError('bad_request', 'media not in report', { userMessage: 'That file is not part of this report.' });
      return { kind: input.kind, mediaId };
    }
    case 'report.reject':
      return { kind: input.kind, reportId: refs.reportRemoteId, comment: input.comment || undefined };
    case 'report.note':
      return { kind: input.kind, reportId: refs.reportRemoteId, text: input.text };
    case 'account.delete': {
      const typed = input.confirm.trim().replace(/^@/, '').toLowerCase();
      if (typed !== refs.targetAcct.replace(/^@/, '').toLowerCase()) {
        throw new AppError('bad_request', 'account.delete confirmation mismatch', {
          userMessage: `Type the account's handle (${refs.targetAcct}) exactly to confirm the deletion.`,
        });
      }
      return { kind: input.kind, accountId: refs.targetRemoteId, reason: input.reason || undefined };
    }
    case 'media.purge':
      return { kind: input.kind, urls: refs.mediaUrls, host: refs.targetDomain ?? undefined, olderThanDays: input.olderThanDays };
    case 'domain.block': {
      const domain = (input.domain ?? refs.targetDomain ?? '').toLowerCase();
      if (!domain) {
        throw new AppError('bad_request', 'no domain to block', { userMessage: 'The reported account is local; there is no remote domain to block.' });
      }
      return {
        kind: input.kind, domain, severity: input.severity, rejectMedia: input.rejectMedia, rejectReports: input.rejectReports,
        obfuscate: input.obfuscate, privateComment: input.privateComment || undefined, publicComment: input.publicComment || undefined,
      };
    }
  }
}
