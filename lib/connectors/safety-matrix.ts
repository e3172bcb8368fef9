/**
 * Per server kind: what watch lists can watch there, and which step a hold takes at each level (issue 14), as the
 * README's markdown table. Built from the connectors' declared capabilities and the hold planner, so the README
 * cannot drift from what the app does (scripts/matrix.ts writes it; a test keeps the README equal to it).
 */
import { planHoldStep } from '@/lib/holding/plan-step';
import { HOLD_LEVELS, type HoldLevel } from '@/lib/holding/types';
import { capabilitiesFor, connectorKinds } from './registry';

const yes = (v: boolean | undefined) => (v ? '✓' : '—');
const LEVEL_ROW: Record<HoldLevel, string> = { sensitive: 'Hold, level "hide media"', hide: 'Hold, level "hide or limit"', suspend: 'Hold, level "suspend"' };

// A typical post id per kind, so post-only steps (PeerTube blocks videos only) are shown where they apply.
const SAMPLE_POST: Record<string, string> = { peertube: 'video-1', lemmy: 'post:1' };

function stepCell(kind: ReturnType<typeof connectorKinds>[number], level: HoldLevel): string {
  const status = { id: 'post', remoteId: SAMPLE_POST[kind] ?? '1', visibility: 'public' };
  const planned = planHoldStep({ kind, level, allowSuspend: level === 'suspend', status, hasMedia: true });
  return planned.step ? planned.step.label : '—';
}

export function safetyMatrixMarkdown(): string {
  const kinds = connectorKinds();
  const row = (label: string, cell: (k: (typeof kinds)[number]) => string) => `| ${label} | ${kinds.map(cell).join(' | ')} |`;
  return [
    `| Watch lists and holds | ${kinds.join(' | ')} |`,
    `|---|${kinds.map(() => '---').join('|')}|`,
    row('Watch: new public posts', (k) => yes(capabilitiesFor(k).watch?.recentPosts)),
    row('Watch: hashtag lookup', (k) => yes(capabilitiesFor(k).watch?.hashtagLookup)),
    row('Watch: keyword search', (k) => yes(capabilitiesFor(k).watch?.keywordLookup)),
    row('Watch: post webhook', (k) => yes(capabilitiesFor(k).watch?.webhook)),
    ...HOLD_LEVELS.map((level) => row(LEVEL_ROW[level], (k) => stepCell(k, level))),
  ].join('\n');
}
