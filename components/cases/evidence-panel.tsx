'use client';

/**
 * The case's evidence: every seal (newest first) with its manifest hash and retention, sealing by hand, and for
 * those with the evidence permission the ZIP export and the items. Every open and export asks a reason and is an
 * audit event on the server; the reason for opening items is asked once per visit of this panel.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { exportEvidenceCall, extendRetentionCall, fetchEvidencePanel, saveBlob, sealEvidenceCall, setHoldCall } from './evidence-api';
import { EvidenceItems } from './evidence-items';
import { EvidenceManage } from './evidence-manage';
import { EvidenceReasonDialog } from './evidence-reason-dialog';
import { EvidenceSealForm } from './evidence-seal-form';
import { EvidenceSealRow } from './evidence-seal-row';
import { plural } from './evidence-text';

export const EVIDENCE_REFRESH_MS = 15_000;
type Asking = { kind: 'export' } | { kind: 'open'; use: (reason: string) => Promise<void> };

export function EvidencePanel({ caseId }: { caseId: string }) {
  const client = useQueryClient();
  const key = ['evidence', caseId];
  const q = useQuery({ queryKey: key, queryFn: () => fetchEvidencePanel(caseId), refetchInterval: EVIDENCE_REFRESH_MS });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [asking, setAsking] = useState<Asking | null>(null);
  const [itemsOf, setItemsOf] = useState<string | null>(null);
  const openReason = useRef<string | null>(null);

  async function run(name: string, fn: () => Promise<string>, onError = setError): Promise<boolean> {
    setBusy(name);
    setError(null);
    onError(null);
    try {
      setAnnounce(await fn());
      await client.invalidateQueries({ queryKey: key });
      return true;
    } catch (e) {
      onError(e instanceof Error ? e.message : 'Something went wrong.');
      return false;
    } finally {
      setBusy(null);
    }
  }

  function withReason(use: (reason: string) => Promise<void>) {
    if (openReason.current) void use(openReason.current);
    else setAsking({ kind: 'open', use });
  }

  async function submitReason(reason: string) {
    if (asking?.kind === 'open') {
      openReason.current = reason;
      setAsking(null);
      await asking.use(reason);
      return;
    }
    const ok = await run('export', async () => {
      const { blob, filename } = await exportEvidenceCall(caseId, reason);
      saveBlob(blob, filename);
      return `Exported ${filename}. The export is in the audit log.`;
    }, setDialogError);
    if (ok) setAsking(null);
  }

  const p = q.data;
  const live = p?.seals.filter((s) => s.destroyedAt === null) ?? [];
  return (
    <section aria-labelledby="evidence-heading" className="space-y-2" data-testid="evidence-panel">
      <h2 id="evidence-heading" className="text-sm font-semibold">Evidence</h2>
      <Card className="space-y-3">
        {q.isPending ? <p className="text-sm text-muted">Loading evidence…</p> : null}
        {q.isError ? <Alert tone="error">Could not load the evidence: {q.error.message}</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {announce ? <Alert tone="ok">{announce}</Alert> : null}
        {p ? (
          <>
            {p.seals.length === 0 ? (
              <p className="text-sm text-muted">Not sealed yet. Evidence is sealed by itself before the first removal, or by hand below.</p>
            ) : (
              <ul className="space-y-3" aria-label="Seals, newest first">
                {p.seals.map((s) => (
                  <EvidenceSealRow key={s.id} seal={s}>
                    {p.can.open && s.destroyedAt === null ? (
                      <div className="space-y-2">
                        <Button type="button" className="px-2 py-1 text-xs" aria-expanded={itemsOf === s.id} onClick={() => setItemsOf(itemsOf === s.id ? null : s.id)}>
                          {itemsOf === s.id ? 'Hide items' : 'Open items…'}<span className="sr-only"> of seal v{s.version}</span>
                        </Button>
                        {itemsOf === s.id ? <EvidenceItems evidenceId={s.id} withReason={withReason} /> : null}
                      </div>
                    ) : null}
                    {p.can.manage && s.destroyedAt === null ? (
                      <EvidenceManage
                        key={`${s.retainUntil}|${s.legalHold}`}
                        seal={s}
                        busy={busy !== null}
                        onExtend={(retainUntil) => run('extend', async () => { await extendRetentionCall(s.id, retainUntil); return `Seal v${s.version} is now kept until ${retainUntil.slice(0, 10)}.`; })}
                        onHold={(hold, reason) => run('hold', async () => { await setHoldCall(s.id, hold, reason); return hold ? `Legal hold placed on seal v${s.version}.` : `Legal hold lifted from seal v${s.version}.`; })}
                      />
                    ) : null}
                  </EvidenceSealRow>
                ))}
              </ul>
            )}
            {p.seals.length > 0 && p.uncoveredCopies > 0 ? (
              <p className="text-sm" data-testid="evidence-uncovered">{plural(p.uncoveredCopies, 'copy', 'copies')} found after the last seal (a purge seals them first).</p>
            ) : null}
            {p.can.open ? (
              live.length > 0 ? (
                <Button type="button" variant="primary" onClick={() => { setDialogError(null); setAsking({ kind: 'export' }); }} disabled={busy !== null} data-testid="evidence-export">
                  {busy === 'export' ? 'Exporting…' : 'Export ZIP…'}
                </Button>
              ) : null
            ) : (
              <p className="text-sm text-muted">Opening or exporting evidence needs the evidence permission. Owners and admins have it and can grant it to moderators on the Team page.</p>
            )}
            {p.can.seal ? <EvidenceSealForm busy={busy === 'seal'} onSeal={(reason) => run('seal', async () => { const r = await sealEvidenceCall(caseId, reason); return `Sealed as v${r.version}.`; })} /> : null}
          </>
        ) : null}
      </Card>
      {asking ? (
        asking.kind === 'export' ? (
          <EvidenceReasonDialog
            title="Export the evidence"
            explain="A ZIP with the manifest, every sealed file and the case's audit trail, for law enforcement. The export and your reason are recorded in the audit log."
            submitLabel="Export ZIP"
            busyLabel="Exporting…"
            ids={{ reason: 'evidence-reason', submit: 'evidence-export-submit' }}
            busy={busy === 'export'}
            error={dialogError}
            onSubmit={(reason) => void submitReason(reason)}
            onClose={() => setAsking(null)}
          />
        ) : (
          <EvidenceReasonDialog
            title="Open evidence"
            explain="Why are you opening this evidence? Asked once while this page stays open; every item you open is recorded in the audit log with this reason."
            submitLabel="Open"
            busyLabel="Opening…"
            ids={{ reason: 'evidence-open-reason', submit: 'evidence-open-submit' }}
            busy={false}
            error={null}
            onSubmit={(reason) => void submitReason(reason)}
            onClose={() => setAsking(null)}
          />
        )
      ) : null}
    </section>
  );
}
