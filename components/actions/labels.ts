/** Human names for action kinds and payloads, shared by the panel and its history. */
export function describeAction(kind: string, payload: Record<string, unknown>): string {
  switch (kind) {
    case 'report.assign_to_self': return 'Assign to me';
    case 'report.unassign': return 'Unassign';
    case 'report.resolve': return 'Resolve report';
    case 'report.reopen': return 'Reopen report';
    case 'report.set_category': return `Change category to ${String(payload.category ?? '')}`;
    case 'account.action': {
      const t = String(payload.type ?? '');
      const names: Record<string, string> = { none: 'Warn', sensitive: 'Mark media sensitive', disable: 'Disable login', silence: 'Limit (silence)', suspend: 'Suspend' };
      return `${names[t] ?? t} account`;
    }
    case 'account.undo': {
      const names: Record<string, string> = { unsuspend: 'Unsuspend', unsilence: 'Unlimit', unsensitive: 'Undo sensitive', enable: 'Re-enable login' };
      return `${names[String(payload.type)] ?? String(payload.type)} account`;
    }
    case 'report.forward': return 'Forward report to the origin server';
    case 'status.delete': return 'Delete post';
    case 'status.sensitive': return payload.sensitive === false ? 'Unmark post sensitive' : 'Mark post sensitive';
    case 'media.purge': return 'Purge cached media';
    case 'report.reject': return 'Reject report';
    case 'report.note': return 'Add note on the server';
    case 'account.delete': return 'Delete account permanently';
    case 'status.purge': return 'Purge post';
    case 'status.block': return payload.blocked === false ? 'Unblock post' : 'Block post';
    case 'status.visibility': return `Set post visibility to ${String(payload.visibility ?? '')}`;
    case 'media.delete': return 'Delete file on server';
    case 'domain.block': return `Block domain ${String(payload.domain ?? '')} (${String(payload.severity ?? '')})`;
    default: return kind;
  }
}
