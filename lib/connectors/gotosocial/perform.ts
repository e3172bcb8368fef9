/** Maps each supported ConnectorAction to its GoToSocial admin endpoint (instance-apis.md §2). */
import { AppError } from '../../errors';
import type { ActionResult, ConnectorAction } from '../types';
import { gtsAdminReportSchema, gtsDomainBlockSchema } from './api-types';
import type { GoToSocialClient } from './client';
import { mapGtsReport } from './mapper';
import { writableOrNull } from '../shared/report-items';
import { parseRemote, safeId } from './parse-remote';
import { createReportGoToSocial } from './create-report';
import { reconcileDomainBlocksGoToSocial } from './reconcile-domain-blocks';

export async function performGoToSocial(client: GoToSocialClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.resolve': {
      const res = await client.post(`/api/v1/admin/reports/${safeId(action.reportId)}/resolve`, {
        action_taken_comment: action.comment || undefined,
      });
      const report = mapGtsReport(parseRemote(gtsAdminReportSchema, res.data, 'admin report'));
      return { ok: true, remoteRef: report.remoteId, report: writableOrNull(report) };
    }
    case 'account.action': {
      // Refused here, not sent: GoToSocial would answer 400, and a moderator should learn it before clicking.
      if (action.type !== 'suspend') {
        throw new AppError('unsupported', `GoToSocial cannot perform account action ${action.type}`, {
          userMessage: 'GoToSocial can only suspend accounts.',
        });
      }
      await client.post(`/api/v1/admin/accounts/${safeId(action.accountId)}/action`, {
        type: 'suspend',
        text: action.text || undefined,
      });
      return { ok: true, remoteRef: null }; // GoToSocial answers {"message":"OK"}; the suspension runs in the background
    }
    case 'domain.block': {
      // severity and rejectMedia/rejectReports have no GoToSocial equivalent: every block is a full block.
      const res = await client.post('/api/v1/admin/domain_blocks', {
        domain: checkDomain(action.domain),
        obfuscate: action.obfuscate,
        public_comment: action.publicComment || undefined,
        private_comment: action.privateComment || undefined,
      });
      return { ok: true, remoteRef: parseRemote(gtsDomainBlockSchema, res.data, 'domain block').id };
    }
    case 'report.create':
      return createReportGoToSocial(client, action);
    case 'media.purge': {
      const days = action.olderThanDays;
      if (days === undefined || !Number.isInteger(days) || days < 0 || days > 36_500) {
        throw new AppError('bad_request', 'GoToSocial media.purge needs olderThanDays', {
          userMessage: 'GoToSocial purges by age only: give the number of days of remote media to keep.',
        });
      }
      // The cleanup runs asynchronously on the server; the answer only echoes the days.
      await client.post('/api/v1/admin/media_cleanup', undefined, { remote_cache_days: days });
      return { ok: true, remoteRef: String(days) };
    }
    case 'domain.blocks_reconcile':
      return reconcileDomainBlocksGoToSocial(client, action.changes);
    default:
      throw new AppError('unsupported', `GoToSocial connector cannot perform ${(action as { kind: string }).kind}`, {
        userMessage: 'GoToSocial does not support this action.',
      });
  }
}

function checkDomain(domain: string): string {
  const d = domain.trim().toLowerCase();
  if (!d || d.length > 253 || /[\s/?#@:]/.test(d)) {
    throw new AppError('bad_request', 'Invalid domain for a domain block', { userMessage: 'That is not a valid domain name.' });
  }
  return d;
}
