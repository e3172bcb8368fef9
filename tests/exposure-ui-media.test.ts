/**
 * Issue 15 safer defaults, rendered to HTML: a severe item under severeAsHashes shows the match and the file's hashes
 * and no picture at all (no <img>, not even the blurred preview); turning the preference off, or a team severe level
 * above the match, brings the blurred preview back. Videos: muted, no autoplay, nothing loaded before play. Reveal
 * ids go on the original's URL and end at their own beacon URL. The limits form and the team table.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {}, push: () => {}, replace: () => {} }) }));

const { ExposureLimitsCard } = await import('@/components/exposure/limits-card');
const { SafeVideo } = await import('@/components/exposure/safe-video');
const { TeamExposureTable } = await import('@/components/exposure/team-exposure-table');
const { endRevealUrl, withRevealId } = await import('@/components/exposure/use-reveal');
const { MediaItem } = await import('@/components/report-detail/media-item');
import type { TeamExposureRow } from '@/lib/exposure/types';
import type { MediaView } from '@/lib/queue/detail-types';

const html = (el: ReactElement) => renderToStaticMarkup(el);
const SHA = 'ab'.repeat(32);
const MD5 = 'cd'.repeat(16);
const PDQ = 'ef'.repeat(32);
const media = (severity: number, over: Partial<MediaView> = {}): MediaView => ({
  id: '11111111-1111-4111-8111-111111111111', type: 'image', state: 'done', previewKind: 'blur', description: 'synthetic test square', mime: 'image/png',
  width: 64, height: 64, error: null, inlineOriginal: true, hasPreview: true, hasOriginal: true, remoteDeletedAt: null,
  matches: severity ? [{ bank: 'Synthetic bank', label: 'synthetic-label', severity, distance: 12, variant: 'original', quality: 90, signalType: 'pdq' }] : [],
  hashes: { sha256: SHA, md5: MD5, pdq: PDQ },
  ...over,
});
const prefs = { blurMedia: true, grayscaleMedia: true, severeAsHashes: true, severeAt: 4 };
// canAct brings the add-to-bank button, which asks TanStack Query for the banks (nothing is fetched on a server render).
const item = (m: MediaView, p: Partial<typeof prefs> = {}) =>
  html(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(MediaItem, { media: m, reportId: '22222222-2222-4222-8222-222222222222', prefs: { ...prefs, ...p }, canAct: true })));
/** The opening tag of the input (or select) with this name. */
const field = (out: string, name: string) => out.match(new RegExp(`<(?:input|select)[^>]*name="${name}"[^>]*>`))?.[0] ?? '';

describe('severe items as hashes', () => {
  it('shows the match and every hash, a way to the blurred preview, and no picture at all', () => {
    const out = item(media(5));
    expect(out).toContain('data-testid="severe-as-hashes"');
    for (const h of [SHA, MD5, PDQ]) expect(out).toContain(h);
    expect(out).toContain('Synthetic bank');
    expect(out).toContain('synthetic-label');
    expect(out).toContain('Show blurred preview');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('/api/media/');
  });

  it('counts the team’s severe level, the csam label, and the person’s choice', () => {
    expect(item(media(4))).not.toContain('<img');
    expect(item(media(1, { matches: [{ bank: 'b', label: 'csam', severity: 1, distance: 0, variant: 'original', quality: null, signalType: 'md5' }] }))).not.toContain('<img');
    expect(item(media(4), { severeAt: 5 })).toContain('/preview?gray=1');
    expect(item(media(5), { severeAsHashes: false })).toContain('/preview?gray=1');
    expect(item(media(2))).toContain('/preview?gray=1');
  });

  it('keeps non-previewed files as a card too, with the download as the explicit step', () => {
    const out = item(media(5, { inlineOriginal: false, mime: 'video/mp4', type: 'video' }));
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<video');
    expect(out).toContain('download=1');
  });

  it('never loads an original during the server render, even with blur off (the reveal id is made in the browser)', () => {
    const out = item(media(0), { blurMedia: false });
    expect(out).not.toContain('/original');
    expect(out).toContain('/preview');
  });
});

describe('videos and reveal ids', () => {
  it('renders video muted, with controls, without autoplay and without preloading', () => {
    const out = html(createElement(SafeVideo, { src: '/synthetic.mp4', label: 'Synthetic clip' }));
    expect(out).toMatch(/<video[^>]*\bmuted\b/);
    expect(out).toMatch(/<video[^>]*\bcontrols\b/);
    expect(out).toContain('preload="none"');
    expect(out).not.toMatch(/autoplay/i);
  });

  it('adds the reveal id to the original URL and names its end beacon', () => {
    expect(withRevealId('/api/media/m/original?report=r', 'abc')).toBe('/api/media/m/original?report=r&reveal=abc');
    expect(withRevealId('/api/media/m/original', 'abc')).toBe('/api/media/m/original?reveal=abc');
    expect(endRevealUrl('abc')).toBe('/api/exposure/reveals/abc/end');
  });
});

describe('the limits form', () => {
  it('has the three limits with words, and off switches that disable their fields', () => {
    const on = html(createElement(ExposureLimitsCard, { initial: { severeAt: 4, maxSevereRevealsPerDay: 20, pauseAfterSevereMinutes: 30 } }));
    expect(on).toContain('data-testid="exposure-limits-form"');
    for (const name of ['severeAt', 'maxSevereRevealsPerDay', 'pauseAfterSevereMinutes', 'maxOn', 'pauseOn']) expect(on).toContain(`name="${name}"`);
    expect(field(on, 'maxSevereRevealsPerDay')).toContain('value="20"');
    expect(field(on, 'pauseAfterSevereMinutes')).toContain('value="30"');
    expect(field(on, 'maxSevereRevealsPerDay')).not.toContain('disabled');
    expect(field(on, 'maxOn')).toContain('checked');
    const off = html(createElement(ExposureLimitsCard, { initial: { severeAt: 5, maxSevereRevealsPerDay: null, pauseAfterSevereMinutes: null } }));
    expect(field(off, 'maxSevereRevealsPerDay')).toContain('disabled');
    expect(field(off, 'pauseAfterSevereMinutes')).toContain('disabled');
    expect(field(off, 'maxOn')).not.toContain('checked');
    expect(off).toMatch(/<option value="5" selected/);
    expect(off).toContain('Save exposure limits');
  });
});

describe('the team table', () => {
  const zero = { reveals: 0, severeReveals: 0, revealSeconds: 0, caseViews: 0, evidenceOpens: 0 };
  const row = (userId: string, label: string, limited: boolean): TeamExposureRow => ({
    userId, label, role: 'moderator', last7: { ...zero, reveals: 9, severeReveals: 4, revealSeconds: 600 }, last28: { ...zero, reveals: 30, severeReveals: 21, revealSeconds: 3000 },
    days: Array.from({ length: 28 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, ...zero, reveals: i % 3 })),
    status: { limited, reason: limited ? 'Over the daily limit.' : null, until: limited ? '2026-12-03T18:30:00.000Z' : null, severeRevealsLast24h: limited ? 20 : 1, limits: { severeAt: 4, maxSevereRevealsPerDay: 20, pauseAfterSevereMinutes: null }, lift: null },
  });

  it('gives each colleague a row with counts and a sparkline, and a lift button only when limited', () => {
    const out = html(createElement(TeamExposureTable, { rows: [row('u-1', 'staff-heron', true), row('u-2', 'staff-wren', false)] }));
    expect(out.match(/data-testid="team-exposure-row"/g)?.length).toBe(2);
    expect(out).toContain('data-user-id="u-1"');
    expect(out).toContain('data-user-id="u-2"');
    expect(out.match(/data-testid="lift-limit-button"/g)?.length).toBe(1);
    expect(out).toContain('Lift limit<span class="sr-only"> for staff-heron</span>');
    expect(out).toContain('9 / 30');
    expect(out).toContain('10 / 50');
    expect(out).toContain('aria-label="staff-heron: 27 reveals in 28 days, 0 severe"');
    expect(out).not.toContain('/api/media');
  });
});
