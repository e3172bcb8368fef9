/** Maps each ConnectorAction to its Mastodon admin endpoint (instance-apis.md §1). */
import { AppError } from '../../errors';
import type { ActionResult, ConnectorAction } from '../types';
import { adminAccountSchema, adminDomainBlockSchema, adminReportSchema } from './api-types';
import { MASTODON_CATEGORIES } from './capabilities';
import type { MastodonClient } from './client';
import { mapAdminReport } from './mapper';
import { writableOrNull } from '../shared/report-items';
import { parseRemote, safeId } from './parse-remote';
import { deleteAccountMastodon } from './delete-account';
import { createReportMastodon } from './create-report';
import { reconcileDomainBlocksMastodon } from './reconcile-domain-blocks';

export async function performMastodon(client: MastodonClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.assign_to_self':
    case 'report.unassign':
    case 'report.resolve': // Mastodon's resolve takes no comment; the dashboard keeps it (see capabilities notes)
    case 'report.reopen': {
      const verb = action.kind.slice('report.'.length);
      return reportResult(await client.post(`/api/v1/admin/reports/${safeId(action.reportId)}/${verb}`));
    }
    case 'report.set_category': {
      if (!MASTODON_CATEGORIES.includes(action.category)) {
        throw new AppError('bad_request', `Unknown Mastodon report category ${JSON.stringify(action.category)}`, {
          userMessage: `Mastodon accepts these categories: ${MASTODON_CATEGORIES.join(', ')}.`,
        });
      }
      const form = { category: action.category, rule_ids: action.ruleIds?.map(safeId) };
      return reportResult(await client.put(`/api/v1/admin/reports/${safeId(action.reportId)}`, form));
    }
    case 'account.action': {
      await client.post(`/api/v1/admin/accounts/${safeId(action.accountId)}/action`, {
        type: action.type,
        report_id: action.reportId ? safeId(action.reportId) : undefined,
        text: action.text || undefined,
        send_email_notification: action.notify,
      });
      return { ok: true, remoteRef: null }; // Mastodon answers with an empty body
    }
    case 'account.undo': {
      const res = await client.post(`/api/v1/admin/accounts/${safeId(action.accountId)}/${action.type}`);
      return { ok: true, remoteRef: parseRemote(adminAccountSchema, res.data, 'Admin::Account').id };
    }
    case 'account.delete':
      return deleteAccountMastodon(client, action.accountId);
    case 'report.create':
      return createReportMastodon(client, action);
    case 'domain.block': {
      const res = await client.post('/api/v1/admin/domain_blocks', {
        domain: checkDomain(action.domain),
        severity: action.severity,
        reject_media: action.rejectMedia,
        reject_reports: action.rejectReports,
        obfuscate: action.obfuscate,
        private_comment: action.privateComment || undefined,
        public_comment: action.publicComment || undefined,
      });
      return { ok: true, remoteRef: parseRemote(adminDomainBlockSchema, res.data, 'Admin::DomainBlock').id };
    }
    case 'domain.blocks_reconcile':
      return reconcileDomainBlocksMastodon(client, action.changes);
    default:
      throw new AppError('unsupported', `Mastodon connector cannot perform ${(action as { kind: string }).kind}`);
  }
}

function reportResult(res: { data: unknown }): ActionResult {
  const report = mapAdminReport(parseRemote(adminReportSchema, res.data, 'Admin::Report'));
  return { ok: true, remoteRef: report.remoteId, report: writableOrNull(report) };
}

function checkDomain(domain: string): string {
  const d = domain.trim().toLowerCase();
  if (!d || d.length > 253 || /[\s/?#@:]/.test(d)) {
    throw new AppError('bad_request', 'Invalid domain for a domain block', { userMessage: 'That is not a valid domain name.' });
  }
  return d;
}
