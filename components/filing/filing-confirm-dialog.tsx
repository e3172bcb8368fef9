'use client';

/**
 * The last look before a CyberTipline report: where it goes, every fact it states, every file with its hashes, and
 * the exact XML that will be posted. The submit sends back this preview's reportSha256, so the server refuses if
 * the report changed since it was shown. A native modal <dialog> (focus trap, Esc closes), mounted only while
 * needed so its test ids exist once; focus goes to the dialog itself so reading starts at the top.
 */
import { useEffect, useRef, useState } from 'react';
import type { FilingPreview } from '@/lib/filing/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FilingFiles } from './filing-files';
import { ENVIRONMENT_TEXT, REVIEW_ACK, TEST_BADGE, isTestEnvironment, utc } from './filing-text';

export function FilingConfirmDialog({ preview, again, busy, error, onClose, onConfirm }: {
  preview: FilingPreview;
  /** Filing again after CyberTipline rejected the earlier submit. */
  again: boolean;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onConfirm: (reportSha256: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [ack, setAck] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) { d.showModal(); d.focus(); }
  }, []);
  const s = preview.summary;
  return (
    <dialog ref={ref} tabIndex={-1} onClose={onClose} data-testid="filing-confirm" aria-labelledby="filing-confirm-title" className="m-auto w-[calc(100%-1rem)] max-w-2xl rounded-lg border border-line bg-surface p-4 text-ink shadow-lg backdrop:bg-black/30 focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent sm:p-5">
      <h2 id="filing-confirm-title" className="mb-2 text-base font-semibold">{again ? 'File the corrected report to CyberTipline?' : 'File this report to CyberTipline?'}</h2>
      <div className="space-y-3 text-sm">
        <p data-testid="filing-destination">
          Sent to <strong>{ENVIRONMENT_TEXT[preview.environment]}</strong> at <span className="break-all font-mono">{preview.baseUrl}</span>
        </p>
        {isTestEnvironment(preview.environment) ? <p className="rounded border border-warn/40 bg-warn-soft px-2 py-1 font-medium text-warn" data-testid="filing-test-badge"><span aria-hidden="true">⚑ </span>{TEST_BADGE}</p> : null}
        {preview.sealedNow ? <p>The case&apos;s evidence was sealed just now for this report; the files below come from that seal.</p> : null}
        <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[10rem_minmax(0,1fr)]">
          <dt className="font-medium">Incident type</dt><dd>{s.incidentType}</dd>
          <dt className="font-medium">First seen</dt><dd><time dateTime={s.incidentDateTime}>{utc(s.incidentDateTime)}</time></dd>
          <dt className="font-medium">URLs ({s.urls.length})</dt>
          <dd><ul className="list-disc pl-5" data-testid="filing-urls">{s.urls.map((u) => <li key={u} className="break-all font-mono text-xs">{u}</li>)}</ul></dd>
          <dt className="font-medium">Reporter</dt><dd>{s.reporter.name} &lt;{s.reporter.email}&gt;</dd>
          <dt className="font-medium">Reported account</dt>
          <dd data-testid="filing-reported">
            {s.reported.screenName ?? 'screen name unknown'}{s.reported.espService ? ` on ${s.reported.espService}` : ''}
            {s.reported.profileUrls.map((u) => <span key={u} className="block break-all font-mono text-xs">{u}</span>)}
          </dd>
          <dt className="font-medium">Additional info</dt><dd className="whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid="filing-additional-info">{s.additionalInfo}</dd>
        </dl>
        <div className="space-y-1">
          <h3 className="font-medium">Files to upload ({preview.files.length})</h3>
          <FilingFiles files={preview.files} />
        </div>
        <details className="rounded border border-line">
          <summary className="cursor-pointer px-2 py-1.5 font-medium">The exact report XML that will be sent</summary>
          <p className="px-2 text-xs text-muted">SHA-256 <span className="break-all font-mono" data-testid="filing-sha">{preview.reportSha256}</span></p>
          <pre data-testid="filing-xml" className="max-h-80 overflow-auto whitespace-pre-wrap break-all px-2 py-1.5 font-mono text-xs">{preview.reportXml}</pre>
        </details>
        <label className="flex items-start gap-2 font-medium">
          <input type="checkbox" className="mt-1" checked={ack} onChange={(e) => setAck(e.target.checked)} data-testid="filing-ack" required />
          <span>{REVIEW_ACK}</span>
        </label>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onClose}>Cancel</Button>
        <Button type="button" variant="danger" data-testid="filing-submit" disabled={busy || !ack} onClick={() => onConfirm(preview.reportSha256)}>{busy ? 'Filing…' : 'File report'}</Button>
      </div>
    </dialog>
  );
}
