/**
 * A case's audit events as sentences a moderator reads at a glance ("Copy found on Beta Town: same post, by a
 * lookup"). The raw action name stays beside it for whoever checks against the audit log. Pure; the details are
 * our own audit JSON, still read defensively (an old row may lack a field).
 */
import type { CaseTimelineEvent } from '@/lib/cases/types';

const FOUND_BY: Record<string, string> = {
  sha256: 'same file (SHA-256)', md5: 'same file (MD5)', origin_uri: 'same post', media_url: 'same file URL', pdq: 'looks the same (PDQ)',
};
const LOOKUP: Record<string, string> = { found: 'found', none: 'none found', cannot_check: 'cannot check without fetching', error: 'error', queued: 'queued', running: 'searching' };
const VIA: Record<string, string> = { report: 'from a report', media: 'from a media item', auto: 'automatically on a bank match', cli: 'from the command line' };

const VERDICT: Record<string, string> = { removed: 'removed', still_served: 'still served', cannot_verify: 'cannot verify', accepted: 'accepted as is' };
const ACTION_KIND: Record<string, string> = {
  'account.action': 'Suspend the account', 'account.delete': "Delete the account's data", 'domain.block': 'Block the domain',
  'status.delete': 'Delete the post', 'status.purge': 'Purge the post', 'status.block': 'Block the video',
  'media.delete': 'Delete the file', 'media.purge': 'Purge cached media',
  'report.create': 'Report to the origin', 'report.forward': 'Forward the report to the origin',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function describeCaseEvent(e: Pick<CaseTimelineEvent, 'action' | 'details'>, names: ReadonlyMap<string, string>): string {
  const d = e.details;
  const instance = str(d.instanceId) ? (names.get(str(d.instanceId) ?? '') ?? 'an instance') : 'an instance';
  switch (e.action) {
    case 'case.opened': {
      const sev = num(d.severity);
      const label = str(d.label);
      const what = [label, sev ? `severity ${sev}` : null].filter(Boolean).join(', ');
      return `Opened ${VIA[str(d.via) ?? ''] ?? ''}${what ? ` (${what})` : ''}`.trim();
    }
    case 'case.copy_found':
      return `Copy found on ${instance}: ${FOUND_BY[str(d.foundBy) ?? ''] ?? 'match'}, ${d.foundVia === 'local' ? 'in our store' : 'by a lookup on the instance'}`;
    case 'case.report_linked': return 'Report linked';
    case 'case.note_added': return 'Note added';
    case 'case.assigned': return str(d.assigneeId) ? 'Assigned' : 'Unassigned';
    case 'case.updated': return Array.isArray(d.fields) ? `Edited: ${d.fields.filter((f) => typeof f === 'string').join(', ')}` : 'Edited';
    case 'case.state_changed': return `${str(d.from) ?? '?'} → ${str(d.to) ?? '?'}${str(d.reason) ? `: ${str(d.reason)}` : ''}`;
    case 'case.resolved': {
      const n = Array.isArray(d.actionIds) ? d.actionIds.length : 0;
      return d.resolveReports === true ? `Resolved; ${n} linked report${n === 1 ? '' : 's'} sent to be resolved on ${n === 1 ? 'its server' : 'their servers'}` : 'Resolved (reports left as they are)';
    }
    case 'case.lookup_requested': {
      const n = num(d.instances) ?? 0;
      return `Asked ${n} instance${n === 1 ? '' : 's'} for copies`;
    }
    case 'case.lookup_finished': {
      const status = str(d.status) ?? '';
      const found = num(d.found) ?? 0;
      return `Lookup on ${instance}: ${status === 'found' ? `${found} found` : (LOOKUP[status] ?? status)}`;
    }
    default: return describeFilingEvent(e.action, d, instance) ?? describePurgeEvent(e.action, d, instance) ?? e.action;
  }
}

const count = (v: unknown): number => (Array.isArray(v) ? v.length : (num(v) ?? 0));
const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** Purge, receipt and evidence events (issue 10); null for an action this file does not know. */
function describePurgeEvent(action: string, d: Record<string, unknown>, instance: string): string | null {
  const outbox = /^(.+)\.(requested|succeeded|failed)$/.exec(action);
  if (outbox && ACTION_KIND[outbox[1]]) {
    const what = ACTION_KIND[outbox[1]];
    return outbox[2] === 'requested' ? `${what} on ${instance}: queued` : outbox[2] === 'succeeded' ? `${what} on ${instance}: done` : `${what} on ${instance}: failed`;
  }
  switch (action) {
    case 'case.purge_started': return `Purge started on ${n(count(d.instances), 'instance')}`;
    case 'case.purge_steps_approved': return `Admin approved ${n(count(d.steps), 'step')}`;
    case 'case.purge_steps_cancelled': return 'Waiting purge steps cancelled';
    case 'case.receipt': {
      const status = num(d.httpStatus);
      return `Receipt from ${instance}: ${VERDICT[str(d.verdict) ?? ''] ?? 'unknown'}${status !== null ? ` (HTTP ${status})` : ''}`;
    }
    case 'case.copy_accepted': return `Copy accepted as is${str(d.reason) ? `: ${str(d.reason)}` : ''}`;
    case 'case.recheck_requested': return `Asked ${instance} to be checked again`;
    case 'case.purge_finished': {
      const parts = [`${num(d.removed) ?? 0} removed`, `${num(d.stillServed) ?? 0} still served`, `${num(d.cannotVerify) ?? 0} cannot verify`, `${num(d.accepted) ?? 0} accepted`];
      return `Purge finished: ${parts.join(', ')}`;
    }
    case 'evidence.sealed': return `Evidence sealed (version ${num(d.version) ?? '?'}, ${n(num(d.items) ?? 0, 'item')})${str(d.reason) ? `: ${str(d.reason)}` : ''}`;
    case 'evidence.viewed': return `Evidence item opened${str(d.reason) ? `: ${str(d.reason)}` : ''}`;
    case 'evidence.exported': return `Evidence exported${str(d.reason) ? `: ${str(d.reason)}` : ''}`;
    case 'evidence.retention_extended': return `Evidence retention extended${str(d.to) ? ` to ${str(d.to)?.slice(0, 10)}` : ''}`;
    case 'evidence.hold_set': return `Legal hold placed${str(d.reason) ? `: ${str(d.reason)}` : ''}`;
    case 'evidence.hold_lifted': return `Legal hold lifted${str(d.reason) ? `: ${str(d.reason)}` : ''}`;
    case 'evidence.destroyed': return `Evidence destroyed after retention (${n(num(d.items) ?? 0, 'item')}; hashes kept)`;
    default: return null;
  }
}

const STEP: Record<string, string> = { submit: 'submit', upload: 'file upload', fileinfo: 'file details', file_info: 'file details', finish: 'finish', retract: 'retract' };
const FORWARD_METHOD: Record<string, string> = { instance_forward: 'through a connected instance', origin_report: 'as a report on the origin', message: 'as a message to its admins' };
const stepWords = (v: unknown) => STEP[str(v) ?? ''] ?? str(v) ?? 'a step';
const reportNo = (d: Record<string, unknown>) => (str(d.reportId) ? ` (report ${str(d.reportId)})` : '');

/** CyberTipline filing and forward events (issue 11); null for an action this file does not know. */
function describeFilingEvent(action: string, d: Record<string, unknown>, instance: string): string | null {
  const env = str(d.environment);
  switch (action) {
    case 'filing.requested': return `CyberTipline report requested${env && env !== 'production' ? ` (${env.toUpperCase()} environment)` : ''}, ${n(count(d.files), 'file')}`;
    case 'filing.resubmit_requested': return 'CyberTipline report corrected and filed again';
    case 'filing.submitted': return `CyberTipline report submitted${reportNo(d)}`;
    case 'filing.files_uploaded': return `Files uploaded to CyberTipline (${n(count(d.files), 'file')})`;
    case 'filing.file_info_sent': return 'File details sent to CyberTipline';
    case 'filing.finished': return `CyberTipline report finished${reportNo(d)}`;
    case 'filing.rejected': return `CyberTipline rejected the ${stepWords(d.step)}${str(d.description) ? `: ${str(d.description)}` : ''}`;
    case 'filing.failed': return `CyberTipline filing failed at the ${stepWords(d.step)}${str(d.error) ? `: ${str(d.error)}` : ''}`;
    case 'filing.uncertain': return `CyberTipline ${stepWords(d.step)} uncertain: may have arrived without an answer`;
    case 'filing.retried': return `CyberTipline ${stepWords(d.step)} retried`;
    case 'filing.retracted': return `CyberTipline report retracted${reportNo(d)}`;
    case 'forward.requested': return `Forward to ${str(d.domain) ?? 'the origin'} queued ${FORWARD_METHOD[str(d.method) ?? ''] ?? ''}${str(d.instanceId) ? ` via ${instance}` : ''}`.trim();
    case 'forward.prepared': return `Message for the admins of ${str(d.domain) ?? 'the origin'} prepared (${d.contactFound === true ? `contact found${str(d.contactSource) ? ` in ${str(d.contactSource)}` : ''}` : 'no contact address found'})`;
    case 'forward.marked_sent': return `Message to ${str(d.domain) ?? 'the origin'} marked as sent`;
    case 'forward.discarded': return `Forward to ${str(d.domain) ?? 'the origin'} discarded`;
    default: return null;
  }
}
