/**
 * The purge panel's parts rendered to HTML (react-dom/server, no browser): the facts a moderator must see before
 * confirming are on screen, unavailable options cannot be picked, the approve button is an admin's only, and every
 * verdict carries words and a symbol rather than color alone. Playwright (e2e/07-purge.spec.ts) drives the rest.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PurgeConfirmDialog } from '@/components/cases/purge-confirm-dialog';
import { PurgePlanRow } from '@/components/cases/purge-plan-row';
import { PurgeProgress } from '@/components/cases/purge-progress';
import { chosenRows } from '@/components/cases/purge-text';
import type { PlannedInstance, PurgePlan, PurgeRunView, ReceiptView } from '@/lib/purge/types';

const mastodon: PlannedInstance = {
  instance: { id: 'i1', name: 'Alpha Social', kind: 'mastodon', baseUrl: 'https://alpha.test' }, copyIds: ['c1'], defaultOptionId: 'suspend_delete_data', blocked: null,
  options: [
    { id: 'suspend_delete_data', label: 'Suspend the account and delete its data', reach: 'account', reversible: false, removesFile: true, note: 'Deletes every post of the account here.', unavailable: null,
      steps: [{ kind: 'account.action', payload: {}, copyIds: ['c1'], needsAdmin: false, label: 'Suspend spreader' }, { kind: 'account.delete', payload: {}, copyIds: ['c1'], needsAdmin: true, label: "Delete spreader's data" }] },
    { id: 'domain_reject_media', label: 'Block the domain, reject its media', reach: 'domain', reversible: true, removesFile: true, note: '', unavailable: 'no account host known', steps: [] },
    { id: 'suspend_only', label: 'Suspend only', reach: 'account', reversible: true, removesFile: false, note: '', unavailable: null, steps: [{ kind: 'account.action', payload: {}, copyIds: ['c1'], needsAdmin: false, label: 'Suspend spreader' }] },
  ],
};
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe('a plan row', () => {
  it('spells out reach, permanence and admin steps of the chosen option, and disables unavailable ones with the reason', () => {
    const out = html(createElement(PurgePlanRow, { p: mastodon, chosen: 'suspend_delete_data', onChoose: () => {}, disabled: false }));
    expect(out).toContain('data-instance="Alpha Social"');
    expect(out).toContain('Reaches everything this account posted here');
    expect(out).toContain('Cannot be undone');
    expect(out).toMatch(/Delete spreader(&#x27;|')s data.*admin/);
    expect(out).toMatch(/<option value="domain_reject_media" disabled="">[^<]*unavailable: no account host known/);
    expect(out).toContain('Leave out: do nothing on this instance');
    expect(out).not.toContain('Files stay served');
  });

  it('warns that files stay served, and shows a left-out instance as such', () => {
    expect(html(createElement(PurgePlanRow, { p: mastodon, chosen: 'suspend_only', onChoose: () => {}, disabled: false }))).toContain('Files stay served');
    const out = html(createElement(PurgePlanRow, { p: mastodon, chosen: 'skip', onChoose: () => {}, disabled: false }));
    expect(out).toContain('Left out: nothing will be sent to this instance.');
    expect(out).toMatch(/<option value="skip" selected="">/);
  });
});

describe('the confirmation', () => {
  const plan: PurgePlan = { caseId: 'k', instances: [mastodon], unchecked: [], sealsFirst: true };
  it('asks a moderator to type "purge" and says the admin steps will wait', () => {
    const out = html(createElement(PurgeConfirmDialog, { open: true, rows: chosenRows(plan, new Map()), sealsFirst: true, isAdmin: false, busy: false, onClose: () => {}, onConfirm: () => {} }));
    expect(out).toContain('Type &quot;purge&quot; to confirm');
    expect(out).toContain('Reaches beyond this item');
    expect(out).toContain('Cannot be undone');
    expect(out).toContain('1 step needs an admin; it waits until an admin approves.');
    expect(out).toMatch(/data-testid="purge-confirm"[^>]*disabled=""/);
  });
});

describe('progress', () => {
  const receipt = (verdict: ReceiptView['verdict']): ReceiptView => ({
    id: `r-${verdict}`, copyId: 'c1', instanceId: 'i1', verdict, reason: 'media URL answered 404', httpStatus: 404, servedSha256: verdict === 'still_served' ? 'ab'.repeat(32) : null, checks: [], checkedAt: '2026-12-02T03:00:00.000Z', byLabel: 'system',
  });
  const run = (verdict: ReceiptView['verdict']): PurgeRunView => ({
    id: 'run', state: 'running', createdAt: '2026-12-02T02:59:00.000Z', finishedAt: null, requestedByLabel: 'mod@example.test', evidenceId: 'e',
    instances: [{
      instance: { id: 'i1', name: 'Alpha Social', kind: 'mastodon' }, optionId: 'suspend_delete_data', optionLabel: 'Suspend and delete', phase: 'waiting_admin',
      steps: [{ id: 's1', instanceId: 'i1', position: 0, kind: 'account.delete', label: "Delete spreader's data", state: 'needs_admin', needsAdmin: true, approvedAt: null, detail: null, attempts: 0, lastError: null }],
      receipts: [receipt(verdict)],
    }],
    unchecked: [{ ...receipt('cannot_verify'), id: 'u1', copyId: null, instanceId: 'pt' }],
    totals: { copies: 1, removed: 0, stillServed: 1, cannotVerify: 0, accepted: 0, pending: 0 },
  });
  const actions = (isAdmin: boolean) => ({ canEdit: true, isAdmin, busy: null, onApprove: () => {}, onCancel: () => {}, onRecheck: () => {} });
  const names = new Map([['pt', 'Tube']]);

  it('offers the approval to an admin only, and the cancel of waiting steps to both', () => {
    const asAdmin = html(createElement(PurgeProgress, { run: run('removed'), names, copyLabel: () => 'a post', a: actions(true) }));
    expect(asAdmin).toContain('data-testid="purge-approve"');
    expect(asAdmin).toContain('Approve 1 admin step');
    const asModerator = html(createElement(PurgeProgress, { run: run('removed'), names, copyLabel: () => 'a post', a: actions(false) }));
    expect(asModerator).not.toContain('purge-approve');
    expect(asModerator).toContain('1 step waits for an admin');
    expect(asModerator).toContain('Cancel waiting steps (1)');
  });

  it('shows each verdict in words with a symbol, the served hash short with the full one on hover, and the unchecked instance by name', () => {
    const out = html(createElement(PurgeProgress, { run: run('still_served'), names, copyLabel: () => 'a post', a: actions(false) }));
    expect(out).toMatch(/data-testid="receipt-row" data-instance="Alpha Social" data-verdict="still_served"/);
    expect(out).toMatch(/✕(&nbsp;|\u00a0)<\/span>Still served/);
    expect(out).toContain(`title="${'ab'.repeat(32)}"`);
    expect(out).toContain('abababababab…');
    expect(out).toMatch(/data-testid="receipt-row" data-instance="Tube" data-verdict="cannot_verify"/);
    expect(out).toContain('data-phase="waiting_admin"');
  });
});
