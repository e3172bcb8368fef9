'use client';

/**
 * "Report to CyberTipline": one report per case. Nothing is sent before the person reviews the exact report in the
 * confirmation; then the steps run in the background and this panel polls every 2 s while the filing moves by
 * itself (a problem waits for a person, so polling stops there too). State changes are announced politely.
 */
import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FilingPreview, FilingView } from '@/lib/filing/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { fetchFilingPanel, fileCaseCall, prepareFilingCall, retractFilingCall, retryFilingCall } from './filing-api';
import { FilingConfirmDialog } from './filing-confirm-dialog';
import { FilingRetractDialog } from './filing-retract-dialog';
import { FilingStatus } from './filing-status';
import { FILING_POLL_MS, TEST_BADGE, isMoving, isTestEnvironment, stateWords } from './filing-text';

export const NOT_CONFIGURED = 'CyberTipline is not set up: an admin enters the credentials and reporting person in Settings.';
export const NO_PERMISSION = 'Filing needs the filing permission (ask an owner or admin).';

export function FilingPanel({ caseId }: { caseId: string }) {
  const client = useQueryClient();
  const key = ['filings', caseId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => fetchFilingPanel(caseId),
    refetchInterval: (query) => (query.state.data?.filings.some(isMoving) ? FILING_POLL_MS : false),
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [preview, setPreview] = useState<FilingPreview | null>(null);
  const [retracting, setRetracting] = useState<FilingView | null>(null);
  const [announce, setAnnounce] = useState('');
  const p = q.data;
  const live = p?.filings.find((f) => f.state !== 'retracted') ?? null;
  const earlier = p?.filings.filter((f) => f !== live) ?? [];

  // The timeline lives in the case query: refetch it when the filing moves, and say the new state out loud.
  const sig = live ? `${live.id}|${live.state}|${live.problem ?? ''}` : 'none';
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (last.current !== null && last.current !== sig) {
      void client.invalidateQueries({ queryKey: ['case', caseId] });
      if (live) setAnnounce(`CyberTipline filing: ${stateWords(live)}.`);
    }
    last.current = sig;
  }, [sig, live, caseId, client]);

  async function act<T>(name: string, fn: () => Promise<T>, onError = setError): Promise<T | null> {
    setBusy(name);
    setError(null);
    onError(null);
    try {
      const out = await fn();
      await client.invalidateQueries({ queryKey: key });
      return out;
    } catch (e) {
      onError(e instanceof Error ? e.message : 'Something went wrong.');
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function review() {
    const out = await act('prepare', () => prepareFilingCall(caseId));
    if (out) { setDialogError(null); setPreview(out); }
  }

  async function file(reportSha256: string) {
    const out = await act('file', () => fileCaseCall(caseId, reportSha256), setDialogError);
    if (!out) return;
    setPreview(null);
    setAnnounce(out.created ? 'Report queued for CyberTipline.' : `This case already has a filing: ${stateWords(out.filing)}.`);
  }

  async function retract(f: FilingView) {
    const out = await act('retract', () => retractFilingCall(f.id), setDialogError);
    if (out) { setRetracting(null); setAnnounce(`CyberTipline report ${out.reportId ?? ''} retracted.`); }
  }

  const canFile = p?.can.file ?? false;
  return (
    <Card className="space-y-3" data-testid="filing-panel" aria-labelledby="filing-heading" role="region">
      <h2 id="filing-heading" className="text-sm font-semibold">Report to CyberTipline</h2>
      <p className="sr-only" aria-live="polite" data-testid="filing-live">{announce}</p>
      {q.isPending ? <p className="text-sm text-muted">Loading filings…</p> : null}
      {q.isError ? <Alert tone="error">Could not load the filings: {q.error.message}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {p ? (
        <>
          {live ? (
            <FilingStatus
              key={`${live.id}|${live.state}|${live.problem ?? ''}`}
              filing={live}
              a={{ canAct: canFile, busy, onRetry: () => void act('retry', () => retryFilingCall(live.id)), onRetract: () => { setDialogError(null); setRetracting(live); }, onReview: () => void review() }}
            />
          ) : canFile ? (
            <div className="space-y-1">
              {isTestEnvironment(p.environment) ? <p className="text-xs font-medium text-warn" data-testid="filing-test-badge"><span aria-hidden="true">⚑ </span>{TEST_BADGE}</p> : null}
              <Button type="button" variant="primary" data-testid="filing-review" disabled={!p.configured || busy !== null} aria-describedby="filing-review-why" onClick={() => void review()}>
                {busy === 'prepare' ? 'Preparing the report…' : 'Review CyberTipline report…'}
              </Button>
              <p id="filing-review-why" className="text-xs text-muted">{p.configured ? 'One report covers every copy on every instance. You see exactly what will be sent before anything is sent.' : NOT_CONFIGURED}</p>
            </div>
          ) : (
            <p className="text-sm text-muted" data-testid="filing-no-permission">{NO_PERMISSION}</p>
          )}
          {earlier.length > 0 ? (
            <div className="space-y-1 text-sm">
              <h3 className="font-medium">Earlier filings</h3>
              <ul className="list-disc pl-5">{earlier.map((f) => <li key={f.id}>{stateWords(f)}{f.reportId ? ` · report ${f.reportId}` : ''} · {f.requestedBy}</li>)}</ul>
            </div>
          ) : null}
        </>
      ) : null}
      {preview ? (
        <FilingConfirmDialog preview={preview} again={live !== null} busy={busy === 'file'} error={dialogError} onClose={() => setPreview(null)} onConfirm={(sha) => void file(sha)} />
      ) : null}
      {retracting?.reportId ? (
        <FilingRetractDialog reportId={retracting.reportId} busy={busy === 'retract'} error={dialogError} onClose={() => setRetracting(null)} onConfirm={() => void retract(retracting)} />
      ) : null}
    </Card>
  );
}
