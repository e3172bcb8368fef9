/** Words and tones for blocklist values, shared by every blocklist page (pure, so the render tests read them too). */
import type { DomainBlockTarget } from '@/lib/connectors/types';
import type { ApplicationState, CurrentBlock, DiffOp, Severity } from '@/lib/blocklists/types';

export type Tone = 'neutral' | 'ok' | 'warn' | 'danger' | 'info';

export const OP_LABEL: Record<DiffOp, string> = {
  add: 'Add', raise: 'Raise', lower: 'Lower', update: 'Update', remove: 'Remove', unsupported: 'Not possible here', kept_hand: 'Kept (by hand)',
};
export const OP_TONE: Record<DiffOp, Tone> = {
  add: 'danger', raise: 'warn', lower: 'info', update: 'info', remove: 'ok', unsupported: 'neutral', kept_hand: 'neutral',
};
export const OP_ORDER: DiffOp[] = ['add', 'raise', 'lower', 'update', 'remove', 'unsupported', 'kept_hand'];

export const SEVERITY_LABEL: Record<Severity, string> = { suspend: 'Suspend', silence: 'Limit', noop: 'Reject media/reports only' };

export const STATE_TONE: Record<ApplicationState, Tone> = { queued: 'info', done: 'ok', partial: 'warn', failed: 'danger' };
export const STATE_LABEL: Record<ApplicationState, string> = { queued: 'Sending', done: 'Done', partial: 'Partly failed', failed: 'Failed' };

export const FORMAT_LABEL: Record<string, string> = {
  auto: 'Detect', mastodon_csv: 'Mastodon CSV', plain: 'One domain per line', mastodon_json: 'Mastodon public JSON',
};

/** "Suspend + media + reports": a block in a few words. */
export function describeBlock(b: Pick<CurrentBlock | DomainBlockTarget, 'severity' | 'rejectMedia' | 'rejectReports'> | null): string {
  if (!b) return '—';
  const flags = [b.rejectMedia ? 'media' : null, b.rejectReports ? 'reports' : null].filter(Boolean);
  // Mastodon's "no severity" block is only its flags: say what it rejects, not "reject only + reject media".
  if (b.severity === 'noop') return flags.length ? `Reject ${flags.join(' and ')} only` : 'No severity (nothing rejected)';
  return flags.length ? `${SEVERITY_LABEL[b.severity]} + reject ${flags.join(', ')}` : SEVERITY_LABEL[b.severity];
}

const fmt = new Intl.NumberFormat('en-US');
export const count = (n: number) => fmt.format(n);
export const plural = (n: number, one: string, many = `${one}s`) => `${fmt.format(n)} ${n === 1 ? one : many}`;

/** Fixed format (UTC) so server and browser render the same text, and moderators across zones compare alike. */
export function when(iso: string | null): string {
  if (!iso) return 'never';
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

export function refreshLabel(minutes: number): string {
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}
