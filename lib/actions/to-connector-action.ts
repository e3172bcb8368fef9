/** Pure: a moderator's request plus the report's remote ids become the connector's action. */
import type { ConnectorAction } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import type { ActionInput } from './action-input';

export interface ReportRefs {
  reportRemoteId: string;
  targetRemoteId: string;
  targetDomain: string | null;
  /** Our status id → the server's id, for the statuses this report points at. */
  statusRemoteIds: Record<string, string>;
  /** URLs of the report's media as the instance serves them (purge targets). */
  mediaUrls: string[];
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
      return { kind: input.kind, accountId: refs.targetRemoteId, type: input.type, text: input.text || undefined, notify: input.notify, reportId: refs.reportRemoteId };
    case 'account.undo':
      return { kind: input.kind, accountId: refs.targetRemoteId, type: input.type };
    case 'report.forward':
      return { kind: input.kind, reportId: refs.reportRemoteId };
    case 'status.delete':
    case 'status.sensitive': {
      const statusId = refs.statusRemoteIds[input.statusId];
      if (!statusId) throw new AppError('bad_request', 'status not in report', { userMessage: 'That post is not part of this report.' });
      return input.kind === 'status.delete'
        ? { kind: input.kind, statusId, reason: input.reason || undefined }
        : { kind: input.kind, statusId, sensitive: input.sensitive };
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
