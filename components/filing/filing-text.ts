/**
 * How a CyberTipline filing reads to a moderator: state and problem words (with a symbol, never color alone), the
 * environment, the step list and when the page keeps polling. Pure (no React), shared by the panel and its tests.
 */
import type { FilingProblem, FilingStateName, FilingView, NcmecEnvironment } from '@/lib/filing/types';

type Tone = 'neutral' | 'info' | 'warn' | 'ok' | 'danger';

export const STATE_TEXT: Record<FilingStateName, string> = {
  pending: 'Queued', submitted: 'Submitted', files_uploaded: 'Files uploaded', file_info_sent: 'File details sent', finished: 'Finished', retracted: 'Retracted',
};
export const STATE_TONE: Record<FilingStateName, Tone> = {
  pending: 'info', submitted: 'info', files_uploaded: 'info', file_info_sent: 'info', finished: 'ok', retracted: 'neutral',
};

export const PROBLEM_TEXT: Record<FilingProblem, { symbol: string; text: string; explain: string }> = {
  rejected: { symbol: '✕', text: 'Rejected by CyberTipline', explain: 'CyberTipline refused this step. Its description is below.' },
  failed: { symbol: '!', text: 'Failed', explain: 'Sending stopped after repeated errors. Nothing more is sent until someone retries.' },
  uncertain: { symbol: '?', text: 'Uncertain', explain: 'A request may have reached CyberTipline without an answer. Nothing more is sent until someone checks and retries.' },
};

export const ENVIRONMENT_TEXT: Record<NcmecEnvironment, string> = { test: 'Test (exttest)', production: 'Production', custom: 'Custom URL' };

/** Test and custom servers never reach NCMEC: said plainly, so nobody believes a practice run was a real report. */
export const isTestEnvironment = (env: NcmecEnvironment | null) => env === 'test' || env === 'custom';
export const TEST_BADGE = 'TEST environment: reports are not sent to NCMEC';

/** The retry of a submit that may have landed: the person must have looked first, or NCMEC gets two reports. */
export const UNCERTAIN_SUBMIT_ACK = 'I checked the CyberTipline account: no report of this case was received';
export const UNCERTAIN_UPLOAD_ACK = 'I understand a file may be uploaded twice to this report';
export const REVIEW_ACK = 'I have reviewed what will be sent';

/** A filing still moving by itself: the page polls while one exists. A problem waits for a person. */
export const isMoving = (f: Pick<FilingView, 'state' | 'problem'>) => f.problem === null && f.state !== 'finished' && f.state !== 'retracted';
export const FILING_POLL_MS = 2_000;

/** Which request the retry repeats: the submit when no report id came back, else the first unfinished file step. */
export function uncertainStep(f: FilingView): 'submit' | 'upload' | null {
  if (f.problem !== 'uncertain') return null;
  return f.state === 'pending' ? 'submit' : 'upload';
}

/** Rejected at submit: nothing reached CyberTipline, so the fix is a new review and confirmation, not a blind retry. */
export const needsReview = (f: FilingView) => f.problem === 'rejected' && f.state === 'pending';

export function stateWords(f: Pick<FilingView, 'state' | 'problem'>): string {
  return f.problem ? `${STATE_TEXT[f.state]}, ${PROBLEM_TEXT[f.problem].text.toLowerCase()}` : STATE_TEXT[f.state];
}

/** Step times in order; null times are steps not reached. */
export function stepList(f: FilingView): { label: string; at: string | null }[] {
  return [
    { label: 'Requested', at: f.createdAt },
    { label: 'Submitted', at: f.steps.submittedAt },
    { label: 'Files uploaded', at: f.steps.filesUploadedAt },
    { label: 'File details sent', at: f.steps.fileInfoAt },
    { label: 'Finished', at: f.steps.finishedAt },
    ...(f.steps.retractedAt ? [{ label: 'Retracted', at: f.steps.retractedAt }] : []),
  ];
}

/** A fixed UTC form: the same for every reader and in the audit log. */
export const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
