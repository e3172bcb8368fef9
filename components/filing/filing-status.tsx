'use client';

/**
 * One filing as it stands: state in words and symbol, the CyberTipline report id, step times, files with their
 * CyberTipline file ids, the problem with CyberTipline's own description, and what a person can do about it.
 * A retry that could make a second report (an uncertain submit) or a duplicate upload asks for a checked box first.
 */
import { useState } from 'react';
import type { FilingView } from '@/lib/filing/types';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FilingFiles } from './filing-files';
import { FilingSteps } from './filing-steps';
import {
  ENVIRONMENT_TEXT, PROBLEM_TEXT, STATE_TONE, TEST_BADGE, UNCERTAIN_SUBMIT_ACK, UNCERTAIN_UPLOAD_ACK,
  isTestEnvironment, needsReview, stateWords, uncertainStep, utc,
} from './filing-text';

export interface FilingActions {
  canAct: boolean;
  busy: string | null;
  onRetry: () => void;
  onRetract: () => void;
  onReview: () => void;
}

export function FilingStatus({ filing: f, a }: { filing: FilingView; a: FilingActions }) {
  const [checked, setChecked] = useState(false);
  const step = uncertainStep(f);
  const ackText = step === 'submit' ? UNCERTAIN_SUBMIT_ACK : step === 'upload' ? UNCERTAIN_UPLOAD_ACK : null;
  const tone = f.problem ? (f.problem === 'uncertain' ? 'warn' : 'danger') : STATE_TONE[f.state];
  const symbol = f.problem ? PROBLEM_TEXT[f.problem].symbol : f.state === 'finished' ? '✓' : f.state === 'retracted' ? '–' : '…';
  return (
    <div className="space-y-2" data-testid="filing-status" data-state={f.state} data-problem={f.problem ?? ''}>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={tone}><span aria-hidden="true">{symbol}&nbsp;</span><span data-testid="filing-state">{stateWords(f)}</span></Badge>
        {f.reportId ? <span>CyberTipline report <strong className="font-mono" data-testid="filing-report-id">{f.reportId}</strong></span> : <span className="text-muted">No report id yet</span>}
      </p>
      <p className="text-xs text-muted">
        {ENVIRONMENT_TEXT[f.environment]} · <span className="break-all">{f.baseUrl}</span> · requested by {f.requestedBy}
        {f.nextAttemptAt && f.problem === null ? <> · next attempt <time dateTime={f.nextAttemptAt}>{utc(f.nextAttemptAt)}</time></> : null}
      </p>
      {isTestEnvironment(f.environment) ? <p className="text-xs font-medium text-warn" data-testid="filing-test-badge"><span aria-hidden="true">⚑ </span>{TEST_BADGE}</p> : null}
      {f.problem ? (
        <div data-testid="filing-problem">
          <Alert tone={f.problem === 'uncertain' ? 'info' : 'error'}>
            <p className="font-medium">{PROBLEM_TEXT[f.problem].text}</p>
            <p>{PROBLEM_TEXT[f.problem].explain}</p>
            {f.lastError ? <p className="mt-1 whitespace-pre-wrap">{f.lastError}</p> : null}
          </Alert>
        </div>
      ) : null}
      <FilingSteps filing={f} />
      {f.files.length > 0 ? <FilingFiles files={f.files} sent /> : null}
      {a.canAct ? (
        <div className="flex flex-wrap items-start gap-2">
          {needsReview(f) ? (
            <Button type="button" variant="primary" data-testid="filing-review-again" disabled={a.busy !== null} onClick={a.onReview}>{a.busy === 'prepare' ? 'Preparing the report…' : 'Review and file again'}</Button>
          ) : null}
          {f.can.retry ? (
            <div className="space-y-1">
              {ackText ? (
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-1" checked={checked} onChange={(e) => setChecked(e.target.checked)} data-testid="filing-retry-ack" />
                  <span>{ackText}</span>
                </label>
              ) : null}
              <Button type="button" data-testid="filing-retry" disabled={a.busy !== null || (ackText !== null && !checked)} onClick={a.onRetry}>{a.busy === 'retry' ? 'Retrying…' : 'Retry'}</Button>
            </div>
          ) : null}
          {f.can.retract && f.reportId ? (
            <Button type="button" variant="danger" data-testid="filing-retract" disabled={a.busy !== null} onClick={a.onRetract}>Retract report…</Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
