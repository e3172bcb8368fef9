/**
 * The CyberTipline and forward panels' parts rendered to HTML (react-dom/server, no browser): the confirmation shows
 * everything that will be sent (every URL, every file's hashes, the exact XML) and cannot be submitted unchecked;
 * a test environment says so; every state and problem reads in words; a finished report offers no retract; an
 * unusable forward option is disabled with its reason; a message forward shows its text and a mailto link.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { FilingConfirmDialog } from '@/components/filing/filing-confirm-dialog';
import { FilingPanel } from '@/components/filing/filing-panel';
import { FilingStatus } from '@/components/filing/filing-status';
import { FILING_POLL_MS, PROBLEM_TEXT, STATE_TEXT, TEST_BADGE, UNCERTAIN_SUBMIT_ACK, isMoving } from '@/components/filing/filing-text';
import { ForwardOptions } from '@/components/filing/forward-options';
import { ForwardPanel } from '@/components/filing/forward-panel';
import { mailtoFor } from '@/components/filing/forward-message';
import { ForwardRow } from '@/components/filing/forward-row';
import { describeCaseEvent } from '@/components/cases/case-event-text';
import type { CaseFilingPanel, FilingPreview, FilingProblem, FilingStateName, FilingView } from '@/lib/filing/types';
import type { CaseForwardPanel, ForwardOption, ForwardView } from '@/lib/forwarding/types';

const html = (el: ReactElement) => renderToStaticMarkup(el);
const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const noop = () => {};

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n<report><incidentSummary><incidentType>Child Pornography (possession, manufacture, and distribution)</incidentType></incidentSummary><additionalInfo>Case 7 &amp; co</additionalInfo></report>';
const preview = (environment: FilingPreview['environment'] = 'test'): FilingPreview => ({
  to: 'ncmec', environment, baseUrl: environment === 'production' ? 'https://report.cybertip.org/ispws' : 'https://exttest.cybertip.org/ispws',
  evidenceId: 'e1', sealedNow: true, reportXml: XML, reportSha256: 'a'.repeat(64),
  summary: {
    incidentType: 'Child Pornography (possession, manufacture, and distribution)', incidentDateTime: '2026-12-01T10:00:00.000Z',
    urls: ['https://origin.test/@spreader/1', 'https://alpha.test/@spreader@origin.test/2', 'https://beta.test/notes/3', 'https://gamma.test/post/4'],
    reporter: { name: 'Rae Porter', email: 'trust@collective.test' },
    reported: { espService: 'Mastodon', screenName: 'spreader@origin.test', profileUrls: ['https://origin.test/@spreader'] },
    additionalInfo: 'Case 7: synthetic item. Found on 4 copies across 4 servers we moderate.',
  },
  files: [
    { n: 0, fileName: 'original.png', mime: 'image/png', bytes: 2048, sha256: '1'.repeat(64), md5: 'b'.repeat(32), locationUrl: 'https://origin.test/media/1.png' },
    { n: 1, fileName: 'copy.jpg', mime: 'image/jpeg', bytes: 1536, sha256: '2'.repeat(64), md5: 'c'.repeat(32), locationUrl: null },
  ],
});

const filing = (state: FilingStateName, problem: FilingProblem | null = null, over: Partial<FilingView> = {}): FilingView => ({
  id: 'f1', to: 'ncmec', state, problem, lastError: problem === 'rejected' ? 'Element incidentType has an invalid value' : null,
  environment: 'test', baseUrl: 'https://exttest.cybertip.org/ispws', reportId: state === 'pending' ? null : '4242',
  incidentType: 'Child Pornography (possession, manufacture, and distribution)', reportSha256: 'a'.repeat(64), requestedBy: 'admin@collective.test',
  createdAt: '2026-12-02T03:00:00.000Z',
  steps: { submittedAt: state === 'pending' ? null : '2026-12-02T03:00:05.000Z', filesUploadedAt: null, fileInfoAt: null, finishedAt: state === 'finished' ? '2026-12-02T03:01:00.000Z' : null, retractedAt: state === 'retracted' ? '2026-12-02T03:02:00.000Z' : null },
  nextAttemptAt: null,
  files: [{ id: 'ff1', fileName: 'original.png', mime: 'image/png', bytes: 2048, sha256: '1'.repeat(64), md5: 'b'.repeat(32), locationUrl: null, fileId: state === 'pending' ? null : 'file-9', uploadedAt: null, fileInfoAt: null, uncertain: false }],
  can: { retry: problem === 'failed' || problem === 'uncertain' || (problem === 'rejected' && state !== 'pending'), retract: state !== 'pending' && state !== 'finished' && state !== 'retracted' },
  ...over,
});
const actions = (canAct = true) => ({ canAct, busy: null, onRetry: noop, onRetract: noop, onReview: noop });

/** A panel rendered with its query already answered (no fetch happens on the server render). */
function withData(key: string[], data: unknown, el: ReactElement): string {
  const client = new QueryClient();
  client.setQueryData(key, data);
  return html(createElement(QueryClientProvider, { client }, el));
}

describe('the confirmation', () => {
  it('shows every URL, every file with its MD5 and SHA-256, the reported account and the exact XML', () => {
    const p = preview();
    const out = html(createElement(FilingConfirmDialog, { preview: p, again: false, busy: false, error: null, onClose: noop, onConfirm: noop }));
    expect(out).toContain('data-testid="filing-confirm"');
    for (const u of p.summary.urls) expect(out).toContain(u);
    for (const f of p.files) { expect(out).toContain(f.md5); expect(out).toContain(f.sha256); expect(out).toContain(f.fileName); }
    expect(out).toContain(`<pre data-testid="filing-xml"`);
    expect(out).toContain(esc(XML));
    expect(out).toContain('spreader@origin.test on Mastodon');
    expect(out).toContain('trust@collective.test');
    expect(out).toContain(p.summary.additionalInfo);
    expect(out).toContain('https://exttest.cybertip.org/ispws');
  });

  it('cannot be submitted before the review box is checked, and says when it is a test environment', () => {
    const out = html(createElement(FilingConfirmDialog, { preview: preview('test'), again: false, busy: false, error: null, onClose: noop, onConfirm: noop }));
    expect(out).toMatch(/<button[^>]*data-testid="filing-submit"[^>]*disabled=""/);
    expect(out).toMatch(/<input type="checkbox"[^>]*data-testid="filing-ack"/);
    expect(out).toContain('I have reviewed what will be sent');
    expect(out).toContain(TEST_BADGE);
    expect(html(createElement(FilingConfirmDialog, { preview: preview('custom'), again: false, busy: false, error: null, onClose: noop, onConfirm: noop }))).toContain(TEST_BADGE);
    expect(html(createElement(FilingConfirmDialog, { preview: preview('production'), again: false, busy: false, error: null, onClose: noop, onConfirm: noop }))).not.toContain(TEST_BADGE);
  });

  it("shows the server's message in an alert", () => {
    const out = html(createElement(FilingConfirmDialog, { preview: preview(), again: true, busy: false, error: 'The report changed since you reviewed it: review it again', onClose: noop, onConfirm: noop }));
    expect(out).toMatch(/role="alert"[^>]*>The report changed since you reviewed it/);
    expect(out).toContain('File the corrected report');
  });
});

describe('a filing', () => {
  it('reads every state and every problem in words', () => {
    for (const s of Object.keys(STATE_TEXT) as FilingStateName[]) {
      const out = html(createElement(FilingStatus, { filing: filing(s), a: actions() }));
      expect(out, s).toContain(`data-testid="filing-state">${STATE_TEXT[s]}<`);
    }
    for (const pr of Object.keys(PROBLEM_TEXT) as FilingProblem[]) {
      const out = html(createElement(FilingStatus, { filing: filing('submitted', pr), a: actions() }));
      expect(out, pr).toContain(`Submitted, ${PROBLEM_TEXT[pr].text.toLowerCase()}`);
      expect(out, pr).toContain('data-testid="filing-problem"');
    }
  });

  it('shows the report id, the step times, the file id and the service description of a rejection', () => {
    const out = html(createElement(FilingStatus, { filing: filing('submitted', 'rejected'), a: actions() }));
    expect(out).toContain('data-testid="filing-report-id">4242<');
    expect(out).toContain('2026-12-02 03:00 UTC');
    expect(out).toContain('data-testid="filing-file-id">file-9<');
    expect(out).toContain('Element incidentType has an invalid value');
    expect(out).toContain('data-testid="filing-retry"');
  });

  it('offers no retract after finish or retraction, and retract before', () => {
    expect(html(createElement(FilingStatus, { filing: filing('finished'), a: actions() }))).not.toContain('filing-retract');
    expect(html(createElement(FilingStatus, { filing: filing('retracted'), a: actions() }))).not.toContain('filing-retract');
    expect(html(createElement(FilingStatus, { filing: filing('files_uploaded'), a: actions() }))).toContain('data-testid="filing-retract"');
    expect(html(createElement(FilingStatus, { filing: filing('files_uploaded'), a: actions(false) }))).not.toContain('filing-retract');
  });

  it('asks for the CyberTipline account check before retrying an uncertain submit', () => {
    const out = html(createElement(FilingStatus, { filing: filing('pending', 'uncertain'), a: actions() }));
    expect(out).toContain(esc(UNCERTAIN_SUBMIT_ACK).replaceAll("'", '&#x27;'));
    expect(out).toMatch(/<button[^>]*data-testid="filing-retry"[^>]*disabled=""/);
    const failed = html(createElement(FilingStatus, { filing: filing('pending', 'failed'), a: actions() }));
    expect(failed).not.toMatch(/<button[^>]*data-testid="filing-retry"[^>]*disabled=""/);
  });

  it('sends a rejected submit through a new review instead of a blind retry', () => {
    const out = html(createElement(FilingStatus, { filing: filing('pending', 'rejected'), a: actions() }));
    expect(out).toContain('Review and file again');
    expect(out).not.toContain('data-testid="filing-retry"');
  });

  it('polls only while a filing moves by itself', () => {
    expect(FILING_POLL_MS).toBe(2000);
    expect(isMoving(filing('pending'))).toBe(true);
    expect(isMoving(filing('file_info_sent'))).toBe(true);
    expect(isMoving(filing('finished'))).toBe(false);
    expect(isMoving(filing('retracted'))).toBe(false);
    expect(isMoving(filing('submitted', 'uncertain'))).toBe(false);
  });
});

describe('the filing panel', () => {
  const panel = (over: Partial<CaseFilingPanel>): CaseFilingPanel => ({ configured: true, environment: 'test', filings: [], can: { file: true }, ...over });
  it('offers the review with the TEST badge, disables it with the reason when not set up, and hides it without the permission', () => {
    const ready = withData(['filings', 'k'], panel({}), createElement(FilingPanel, { caseId: 'k' }));
    expect(ready).toContain('Report to CyberTipline');
    expect(ready).toContain('Review CyberTipline report…');
    expect(ready).not.toMatch(/<button[^>]*data-testid="filing-review"[^>]*disabled=""/);
    expect(ready).toContain(TEST_BADGE);
    const unset = withData(['filings', 'k'], panel({ configured: false, environment: null }), createElement(FilingPanel, { caseId: 'k' }));
    expect(unset).toMatch(/<button[^>]*data-testid="filing-review"[^>]*disabled=""/);
    expect(unset).toContain('CyberTipline is not set up');
    expect(unset).not.toContain(TEST_BADGE);
    const denied = withData(['filings', 'k'], panel({ can: { file: false } }), createElement(FilingPanel, { caseId: 'k' }));
    expect(denied).not.toContain('filing-review');
    expect(denied).toContain('Filing needs the filing permission');
  });

  it('shows the live filing, not the button, once filed', () => {
    const out = withData(['filings', 'k'], panel({ filings: [filing('finished')] }), createElement(FilingPanel, { caseId: 'k' }));
    expect(out).toContain('data-testid="filing-status"');
    expect(out).not.toContain('data-testid="filing-review"');
  });
});

const option = (key: string, label: string, unavailable: string | null = null): ForwardOption => ({
  key, method: key.startsWith('message') ? 'message' : 'instance_forward', instance: null, actionKind: null, label, unavailable,
});
const forward = (over: Partial<ForwardView>): ForwardView => ({
  id: 'w1', domain: 'origin.test', method: 'message', instance: null, state: 'prepared', error: null,
  message: 'Subject: Case 7: child sexual abuse material from origin.test\n\nHello admins of origin.test,\nhttps://origin.test/@spreader/1',
  contact: 'admin@origin.test', contactSource: 'nodeinfo', createdBy: 'admin@collective.test', createdAt: '2026-12-02T03:00:00.000Z', sentAt: null, ...over,
});

describe('forwarding', () => {
  it('lists unavailable options disabled, with the reason', () => {
    const opts = [option('instance_forward:i1', 'Alpha forwards its open report to origin.test', 'you cannot act on Alpha'), option('message:none', 'Write to the admins of origin.test')];
    const out = html(createElement(ForwardOptions, { options: opts, chosen: 'message:none', busy: false, onChoose: noop, onForward: noop }));
    const radio = (key: string) => new RegExp(`<input type="radio"[^>]*value="${key}"[^>]*/>`).exec(out)?.[0] ?? '';
    expect(radio('instance_forward:i1')).toContain('disabled=""');
    expect(radio('instance_forward:i1')).toContain('name="forward-option"');
    expect(out).toContain('Unavailable: you cannot act on Alpha');
    expect(radio('message:none')).toContain('checked=""');
    expect(radio('message:none')).not.toContain('disabled');
    expect(out).not.toMatch(/<button[^>]*data-testid="forward-submit"[^>]*disabled=""/);
  });

  it('shows a message forward with its text, a mailto link, copy, mark sent and discard', () => {
    const f = forward({});
    const out = html(createElement('ul', null, createElement(ForwardRow, { f, canAct: true, busy: false, onSent: noop, onDiscard: noop })));
    expect(out).toContain('data-state="prepared"');
    expect(out).toContain('data-method="message"');
    expect(out).toContain('<pre data-testid="forward-message"');
    expect(out).toContain('Hello admins of origin.test,');
    expect(out).toContain('href="mailto:admin@origin.test?subject=Case%207');
    for (const id of ['forward-copy', 'forward-mark-sent', 'forward-discard']) expect(out).toContain(`data-testid="${id}"`);
    expect(mailtoFor('admin@origin.test', f.message ?? '')).toContain('body=Hello%20admins');
  });

  it('does not link a contact that is not a plain address, and shows an outbox error', () => {
    const odd = html(createElement('ul', null, createElement(ForwardRow, { f: forward({ contact: 'javascript:alert(1)//@x' }), canAct: true, busy: false, onSent: noop, onDiscard: noop })));
    expect(odd).not.toContain('href="mailto:');
    expect(odd).not.toContain('href="javascript');
    const failed = html(createElement('ul', null, createElement(ForwardRow, { f: forward({ method: 'instance_forward', state: 'failed', error: 'HTTP 422 from alpha.test', message: null, contact: null }), canAct: true, busy: false, onSent: noop, onDiscard: noop })));
    expect(failed).toContain('HTTP 422 from alpha.test');
    expect(failed).toContain('data-testid="forward-discard"');
    expect(failed).not.toContain('forward-message');
  });

  it('offers the options only while nothing is forwarded', () => {
    const base: CaseForwardPanel = { domain: 'origin.test', options: [option('message:none', 'Write to the admins of origin.test')], forwards: [], live: false, can: { forward: true } };
    expect(withData(['forwards', 'k'], base, createElement(ForwardPanel, { caseId: 'k' }))).toContain('data-testid="forward-submit"');
    const live = withData(['forwards', 'k'], { ...base, live: true, forwards: [forward({})] }, createElement(ForwardPanel, { caseId: 'k' }));
    expect(live).not.toContain('data-testid="forward-submit"');
    expect(live).toContain('data-testid="forward-row"');
  });
});

describe('timeline words', () => {
  const names = new Map([['i1', 'Alpha Social']]);
  const say = (action: string, details: Record<string, unknown> = {}) => describeCaseEvent({ action, details }, names);
  it('describes every filing and forward event in words, with the report id and the service description', () => {
    const events: [string, Record<string, unknown>, string][] = [
      ['filing.requested', { filingId: 'f', environment: 'test', files: 2 }, 'CyberTipline report requested (TEST environment), 2 files'],
      ['filing.resubmit_requested', { filingId: 'f' }, 'corrected and filed again'],
      ['filing.submitted', { filingId: 'f', reportId: '4242' }, 'CyberTipline report submitted (report 4242)'],
      ['filing.files_uploaded', { filingId: 'f', files: [{ fileId: 'a', md5: 'b' }] }, 'Files uploaded to CyberTipline (1 file)'],
      ['filing.file_info_sent', { filingId: 'f', files: 1 }, 'File details sent'],
      ['filing.finished', { filingId: 'f', reportId: '4242' }, 'CyberTipline report finished (report 4242)'],
      ['filing.rejected', { filingId: 'f', step: 'submit', description: 'Element incidentType is invalid' }, 'CyberTipline rejected the submit: Element incidentType is invalid'],
      ['filing.failed', { filingId: 'f', step: 'upload', error: 'HTTP 503' }, 'failed at the file upload: HTTP 503'],
      ['filing.uncertain', { filingId: 'f', step: 'submit' }, 'submit uncertain'],
      ['filing.retried', { filingId: 'f', step: 'file_info' }, 'file details retried'],
      ['filing.retracted', { filingId: 'f', reportId: '4242' }, 'retracted (report 4242)'],
      ['forward.requested', { forwardId: 'w', method: 'instance_forward', instanceId: 'i1', domain: 'origin.test' }, 'Forward to origin.test queued through a connected instance via Alpha Social'],
      ['forward.prepared', { forwardId: 'w', method: 'message', domain: 'origin.test', contactFound: true, contactSource: 'nodeinfo' }, 'contact found in nodeinfo'],
      ['forward.marked_sent', { forwardId: 'w', domain: 'origin.test' }, 'Message to origin.test marked as sent'],
      ['forward.discarded', { forwardId: 'w', domain: 'origin.test' }, 'Forward to origin.test discarded'],
      ['report.create.succeeded', { instanceId: 'i1' }, 'Report to the origin on Alpha Social: done'],
      ['report.forward.failed', { instanceId: 'i1' }, 'Forward the report to the origin on Alpha Social: failed'],
    ];
    for (const [action, details, words] of events) expect(say(action, details), action).toContain(words);
    expect(say('forward.prepared', { domain: 'origin.test', contactFound: false })).toContain('no contact address found');
    expect(say('filing.requested', { environment: 'production', files: 1 })).not.toContain('environment');
  });

  it('builds the mailto from the Subject line even below a note', () => {
    const link = mailtoFor('abuse@origin.test', '(No contact address found.)\n\nSubject: Report for origin.test\n\nHello');
    expect(link).toBe('mailto:abuse@origin.test?subject=Report%20for%20origin.test&body=Hello');
  });
});
