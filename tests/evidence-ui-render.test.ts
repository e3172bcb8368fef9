/**
 * The evidence UI rendered to HTML (react-dom/server, no browser): what each role sees on the panel (the export and
 * the items only with the permission, a calm sentence otherwise; sealing for editors; retention and hold for admins),
 * state in words rather than colour, the retention card's legal text and bounds, the team page's grant toggle, and
 * the small date and file-name helpers. The routes have their own tests (evidence-routes.test.ts).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EvidencePanel as PanelData, EvidenceView } from '@/lib/evidence/types';
import type { UserView } from '@/lib/users/user-view';
import { EvidenceAccessToggle } from '@/components/cases/evidence-access-toggle';
import { dispositionName } from '@/components/cases/evidence-api';
import { EvidenceManage } from '@/components/cases/evidence-manage';
import { EvidencePanel } from '@/components/cases/evidence-panel';
import { EvidenceSealRow } from '@/components/cases/evidence-seal-row';
import { EvidenceSettingsCard } from '@/components/cases/evidence-settings-card';
import { dayAfter, endOfDayUtc, formatBytes } from '@/components/cases/evidence-text';

const HASH = 'ab'.repeat(32);
const seal = (over: Partial<EvidenceView> = {}): EvidenceView => ({
  id: 'e2', version: 2, sealedAt: '2026-12-01T10:00:00.000Z', sealedByLabel: 'mod@example.test', reason: 'before purge', manifestSha256: HASH,
  itemCount: 7, totalBytes: 2_500_000, retainUntil: '2027-12-01T10:00:00.000Z', legalHold: false, holdReason: null, destroyedAt: null, copyCount: 5, ...over,
});
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

function panel(data: PanelData): string {
  const client = new QueryClient();
  client.setQueryData(['evidence', 'case-1'], data);
  return html(createElement(QueryClientProvider, { client }, createElement(EvidencePanel, { caseId: 'case-1' })));
}
const count = (s: string, needle: string) => s.split(needle).length - 1;

describe('the evidence panel', () => {
  const seals = [seal(), seal({ id: 'e1', version: 1, reason: 'by hand', legalHold: true, holdReason: 'court order', destroyedAt: null }), seal({ id: 'e0', version: 0, destroyedAt: '2026-11-30T00:00:00.000Z' })];

  it('shows an admin every seal newest first, with export, items, retention and hold', () => {
    const out = panel({ seals, uncoveredCopies: 2, can: { open: true, seal: true, manage: true } });
    expect(out).toContain('data-testid="evidence-panel"');
    expect(out.indexOf('Seal v2')).toBeLessThan(out.indexOf('Seal v1'));
    expect(count(out, 'data-testid="evidence-manifest-hash"')).toBe(3);
    expect(out).toContain(`>${HASH}</code>`);
    expect(out).toContain('data-testid="evidence-export"');
    expect(out).toContain('Open items…');
    // Retention and hold for the live seals only: a destroyed seal has nothing left to keep.
    expect(count(out, 'data-testid="evidence-extend"')).toBe(2);
    expect(count(out, 'data-testid="evidence-hold"')).toBe(2);
    expect(out).toContain('Lift legal hold');
    expect(out).toContain('Legal hold</span>');
    expect(out).toContain('court order');
    expect(out).toContain('Destroyed</span>');
    expect(out).toContain('files gone; the manifest and its hashes stay');
    expect(out).toContain('2 copies found after the last seal');
    expect(out).toContain('data-testid="evidence-seal"');
    // The reason dialogs are mounted only when asked for, so their test ids exist once.
    expect(out).not.toContain('data-testid="evidence-reason"');
  });

  it('gives a moderator without the permission the seals and a sentence on who grants it, but nothing to open', () => {
    const out = panel({ seals, uncoveredCopies: 0, can: { open: false, seal: true, manage: false } });
    expect(out).toContain('data-testid="evidence-manifest-hash"');
    expect(out).not.toContain('evidence-export');
    expect(out).not.toContain('Open items');
    expect(out).not.toContain('evidence-extend');
    expect(out).not.toContain('evidence-hold');
    expect(out).toContain('Owners and admins have it and can grant it to moderators on the Team page.');
    expect(out).not.toContain('found after the last seal');
  });

  it('tells a viewer the case is not sealed yet, with no seal form', () => {
    const out = panel({ seals: [], uncoveredCopies: 3, can: { open: false, seal: false, manage: false } });
    expect(out).toContain('Not sealed yet');
    expect(out).not.toContain('evidence-seal"');
    expect(out).not.toContain('evidence-export');
  });
});

describe('one seal', () => {
  it('says what it holds and how long it is kept, in words', () => {
    const out = html(createElement(EvidenceSealRow, { seal: seal() }));
    expect(out).toContain('7 items, 2.4 MB, 5 copies');
    expect(out).toContain('Kept</span>');
    expect(out).toContain('2027-12-01');
    expect(out).toContain('data-version="2"');
    const held = html(createElement(EvidenceSealRow, { seal: seal({ legalHold: true, holdReason: 'preservation letter' }) }));
    expect(held).toContain('a legal hold keeps it until lifted');
  });

  it('offers only later retention dates', () => {
    const out = html(createElement(EvidenceManage, { seal: seal(), busy: false, onExtend: async () => true, onHold: async () => true }));
    expect(out).toMatch(/type="date"[^>]*min="2027-12-02"/);
    expect(out).toContain('Place legal hold');
  });
});

describe('the retention card', () => {
  it('names the REPORT Act, the legal hold, and the bounds', () => {
    const out = html(createElement(EvidenceSettingsCard, { initial: { retentionDays: 365 } }));
    expect(out).toContain('REPORT Act');
    expect(out).toContain('legal hold is never destroyed');
    expect(out).toMatch(/min="30"[^>]*max="3650"/);
    expect(out).toContain('value="365"');
  });
});

describe('the team page toggle', () => {
  const user = (role: UserView['role'], evidenceAccess = false): UserView => ({
    id: 'u1', email: 'x@example.test', name: '', pseudonym: 'quiet-heron', role, disabled: false, lastSignInAt: null, createdAt: '2026-01-01T00:00:00.000Z', instanceIds: null, evidenceAccess, filingAccess: false, federationAccess: false,
  });
  it('is a labelled checkbox for moderators, "always" for owners and admins, and absent for viewers', () => {
    const mod = html(createElement(EvidenceAccessToggle, { user: user('moderator', true), editable: true, pending: false, onChange: () => {} }));
    expect(mod).toMatch(/<input type="checkbox"[^>]*checked=""/);
    expect(mod).toContain('Evidence access<span class="sr-only"> for x@example.test</span>');
    expect(html(createElement(EvidenceAccessToggle, { user: user('admin'), editable: true, pending: false, onChange: () => {} }))).toContain('always');
    expect(html(createElement(EvidenceAccessToggle, { user: user('owner'), editable: true, pending: false, onChange: () => {} }))).not.toContain('checkbox');
    expect(html(createElement(EvidenceAccessToggle, { user: user('viewer'), editable: true, pending: false, onChange: () => {} }))).toContain('not for viewers');
  });
});

describe('helpers', () => {
  it('formats sizes and retention days, and reads the server file name', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(dayAfter('2027-12-31T23:59:59.999Z')).toBe('2028-01-01');
    expect(dayAfter('2028-02-28T10:00:00.000Z')).toBe('2028-02-29');
    expect(endOfDayUtc('2028-01-01')).toBe('2028-01-01T23:59:59.999Z');
    expect(dispositionName('attachment; filename="case-12-evidence-v2.zip"', 'x.zip')).toBe('case-12-evidence-v2.zip');
    expect(dispositionName(null, 'x.zip')).toBe('x.zip');
  });
});
