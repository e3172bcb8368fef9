/**
 * Words for the holding cell, watch lists and matchers (pure: the pages, the queue badge, the report page and the
 * render tests all read the same sentences). Every value that came from a server or a rule name is plain text
 * here; JSX escapes it where it is shown.
 */
import type { HoldLevel, HoldRuleInput, HoldSignal, HoldStateName, HoldTrigger, HoldView } from '@/lib/holding/types';
import type { MatcherView } from '@/lib/matchers/types';
import type { WatchTermRef } from '@/lib/watch/types';

export type Tone = 'neutral' | 'ok' | 'warn' | 'danger' | 'info';

export const TRIGGER_LABEL: Record<HoldTrigger, string> = {
  bank_match: 'Hash bank match',
  outside_match: 'Outside matcher hit',
  report_score: 'Weighted reports',
  watch_hit: 'Watch list hit',
};

export const LEVEL_LABEL: Record<HoldLevel, string> = { sensitive: 'Mark sensitive', hide: 'Hide or limit', suspend: 'Suspend pending review' };

/** One line per level for the rule form: what the mildest step means on a server. */
export const LEVEL_HINT: Record<HoldLevel, string> = {
  sensitive: 'Put the media behind a content warning; the post stays up. The mildest step.',
  hide: 'Hide, limit or block the post (or limit the account) where the server offers it.',
  suspend: 'Suspend the account until someone reviews it. Only used when "allow suspend" is on.',
};

export const STATE_LABEL: Record<HoldStateName, string> = {
  would_hold: 'Would have held (dry run)',
  holding: 'Hiding now',
  held: 'Hidden, waiting for review',
  not_hidden: 'Not hidden, waiting for review',
  confirmed: 'Confirmed',
  undoing: 'Undoing',
  undone: 'Undone',
};

export const STATE_TONE: Record<HoldStateName, Tone> = {
  would_hold: 'info', holding: 'warn', held: 'danger', not_hidden: 'warn', confirmed: 'ok', undoing: 'warn', undone: 'neutral',
};

const VIA_LABEL: Record<WatchTermRef['via'], string> = { timeline: 'timeline', tag: 'tag timeline', search: 'search', webhook: 'webhook' };

/** "#tag", "keyword \"x\"", "link to example.org". */
export function termText(t: { kind: string; value: string }): string {
  if (t.kind === 'hashtag') return `#${t.value.replace(/^#/, '')}`;
  if (t.kind === 'domain') return `links to ${t.value}`;
  return `"${t.value}"`;
}

/** "#trade (timeline)" for a watch item's notice and badge. */
export function watchRefText(r: WatchTermRef): string {
  return `${termText(r)} (${VIA_LABEL[r.via] ?? r.via})`;
}

/** What fired, in a sentence a moderator reads at a glance. */
export function signalText(s: HoldSignal): string {
  switch (s.trigger) {
    case 'bank_match': {
      const label = s.label ? ` (${s.label})` : '';
      const dist = s.distance !== null && s.distance !== undefined ? `, distance ${s.distance}` : '';
      return `Bank match, severity ${s.severity ?? '?'}${label}${dist}${s.bank ? ` in ${s.bank}` : ''}`;
    }
    case 'outside_match': {
      const who = [s.service, s.bank].filter(Boolean).join(' · ') || 'Outside matcher';
      return `${who}${s.label ? ` (${s.label})` : ''}, severity ${s.severity ?? '?'}`;
    }
    case 'report_score':
      return `Weighted reports ${fmtScore(s.score ?? 0)} from ${count(s.reporters ?? 0, 'reporter')} on ${count(s.instances ?? 0, 'instance')}`;
    case 'watch_hit':
      return s.term ? `Watched ${termText(s.term)}` : 'Watched term';
  }
}

/** A rule's trigger and threshold in words. */
export function thresholdText(r: Pick<HoldRuleInput, 'trigger' | 'minSeverity' | 'labels' | 'minScore'>): string {
  const labels = r.labels.length ? ` labelled ${r.labels.join(', ')}` : '';
  switch (r.trigger) {
    case 'bank_match': return `Hash bank match of severity ${r.minSeverity} or more${labels}`;
    case 'outside_match': return `Outside matcher hit of severity ${r.minSeverity} or more${labels}`;
    case 'report_score': return `Weighted report score of ${fmtScore(r.minScore)} or more (brigades never count)`;
    case 'watch_hit': return 'Any post a watch list catches';
  }
}

/** The step taken, or why nothing was hidden. */
export function stepText(h: Pick<HoldView, 'stepLabel' | 'reason' | 'dryRun'>): string {
  if (h.stepLabel) return h.dryRun ? `Would have: ${lowerFirst(h.stepLabel)}` : h.stepLabel;
  return h.reason ? `Not hidden: ${h.reason}` : 'Not hidden';
}

/** "due in 25 min", "overdue by 2 h". */
export function dueText(h: Pick<HoldView, 'dueAt' | 'overdue'>, now: number = Date.now()): string {
  const ms = Date.parse(h.dueAt) - now;
  if (!Number.isFinite(ms)) return h.overdue ? 'overdue' : 'due at an unknown time';
  if (h.overdue || ms < 0) return `overdue by ${span(Math.abs(ms))}`;
  return `due in ${span(ms)}`;
}

export function circuitText(m: Pick<MatcherView, 'circuit' | 'openUntil'>): { text: string; tone: Tone } {
  if (m.circuit === 'closed') return { text: 'Working', tone: 'ok' };
  if (m.circuit === 'half_open') return { text: 'Recovering: the next call decides', tone: 'warn' };
  return { text: m.openUntil ? `Paused after failures until ${new Date(m.openUntil).toLocaleString()}` : 'Paused after failures', tone: 'danger' };
}

export function when(iso: string | null, never = 'never'): string {
  return iso ? new Date(iso).toLocaleString() : never;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function fmtScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function span(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'less than a minute';
  if (min < 120) return `${min} min`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} days`;
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}
