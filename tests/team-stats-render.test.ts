/**
 * The team dashboard and the claim banner rendered to HTML (react-dom/server, no browser): the charts carry their
 * test ids, a summary for screen readers and a table behind <details>; only theme tokens colour them; the words
 * for durations and summaries.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ClaimBanner } from '@/components/claims/claim-banner';
import { shouldHeartbeat, wasIdle } from '@/components/claims/heartbeat';
import { ageText, durationText, seriesSummary } from '@/components/team/chart-text';
import { TeamDashboard } from '@/components/team/team-dashboard';
import type { TeamStats } from '@/lib/team-stats/types';

const dayList = ['2026-03-01', '2026-03-02', '2026-03-03'];
const stats: TeamStats = {
  days: 7,
  dayList,
  perInstance: [{ instanceId: 'i1', name: 'Alpha <b>', kind: 'mastodon', open: 4, oldestOpenAt: '2026-02-01T00:00:00.000Z' }, { instanceId: 'i2', name: 'Beta', kind: 'lemmy', open: 0, oldestOpenAt: null }],
  decisions: {
    moderators: [{ userId: 'u1', label: 'Ana', total: 3, resolves: 2, perDay: [0, 1, 2] }, { userId: 'u2', label: 'Ben', total: 1, resolves: 0, perDay: [1, 0, 0] }],
    perDay: dayList.map((day, i) => ({ day, decisions: [1, 1, 2][i], resolves: [0, 1, 1][i] })),
  },
  autoManual: { automated: 2, manual: 6, perDay: dayList.map((day, i) => ({ day, automated: [0, 0, 2][i], manual: [1, 2, 3][i] })) },
  firstAction: { count: 3, medianSeconds: 7200, p90Seconds: 15840, perDay: dayList.map((day, i) => ({ day, count: [0, 1, 2][i], medianSeconds: [null, 3600, 12600][i], p90Seconds: [null, 3600, 17100][i] })) },
  received: dayList.map((day, i) => ({ day, received: [0, 1, 2][i] })),
};

function render(el: ReturnType<typeof createElement>): string {
  return renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, el));
}

describe('the team dashboard', () => {
  const out = render(createElement(TeamDashboard, { initial: stats }));

  it('has the dashboard and its three named charts, each an image with a summary and a table behind it', () => {
    for (const id of ['team-dashboard', 'chart-decisions', 'chart-first-action', 'chart-auto-manual']) expect(out).toContain(`data-testid="${id}"`);
    expect(out).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Time from report to first action per day over 7 days: median 2 h, 90th percentile 4.4 h, over 3 reports on 2 days."/);
    expect(out).toContain('aria-label="Automated and manual work over 3 days from Sun 1 Mar to Tue 3 Mar: Manual 6 in total, most on Tue 3 Mar (3); Automated 2 in total, most on Tue 3 Mar (2)."');
    expect(out.match(/<details/g)?.length).toBeGreaterThanOrEqual(5);
    expect(out).toContain('Ana: 3 decisions, 2 reports closed');
    expect(out).toContain('Ben: 1 decision, 0 reports closed');
  });

  it('offers the period as pressed buttons and escapes remote names', () => {
    expect(out).toContain('aria-pressed="true"');
    expect(out.match(/aria-pressed=/g)).toHaveLength(3);
    expect(out).toContain('Alpha &lt;b&gt;');
    expect(out).toContain('nothing open');
  });

  it('uses only theme tokens for colour', () => {
    expect(out).not.toMatch(/#[0-9a-f]{3,6}\b|bg-white|text-black|text-white/i);
    expect(out).toContain('fill-accent');
  });
});

describe('the claim banner before the first answer', () => {
  it('renders an empty live region with its test id', () => {
    const html = renderToStaticMarkup(createElement(ClaimBanner, { subjectType: 'report', subjectKey: 'r1' }));
    expect(html).toContain('data-testid="claim-banner"');
    expect(html).toContain('role="status"');
  });
});

describe('the claim heartbeat', () => {
  it('renews only for a visible tab touched in the last 3 minutes, and claims at once on coming back', () => {
    const t = 1_000_000_000;
    expect(shouldHeartbeat(true, t - 60_000, t)).toBe(true);
    expect(shouldHeartbeat(false, t - 60_000, t)).toBe(false);
    expect(shouldHeartbeat(true, t - 180_000, t)).toBe(false);
    expect(wasIdle(t - 180_000, t)).toBe(true);
    expect(wasIdle(t - 10_000, t)).toBe(false);
  });
});

describe('dashboard words', () => {
  it('says durations the way people do', () => {
    expect(durationText(null)).toBe('no data');
    expect(durationText(42)).toBe('42 s');
    expect(durationText(300)).toBe('5 min');
    expect(durationText(7200)).toBe('2 h');
    expect(durationText(5400)).toBe('1.5 h');
    expect(durationText(4 * 86400)).toBe('4 days');
    expect(ageText(null, 0)).toBe('nothing open');
    expect(ageText('2026-01-01T00:00:00Z', Date.parse('2026-01-01T03:00:00Z'))).toBe('3 h ago');
  });

  it('summarises a chart without data', () => {
    expect(seriesSummary('Reports', [], [])).toBe('Reports: no data.');
    expect(seriesSummary('Reports', dayList, [{ label: 'Reports', values: [0, 0, 0] }])).toBe('Reports over 3 days from Sun 1 Mar to Tue 3 Mar: Reports 0 in total.');
  });
});
