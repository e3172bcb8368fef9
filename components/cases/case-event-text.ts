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
    default: return e.action;
  }
}
