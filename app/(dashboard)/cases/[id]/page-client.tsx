'use client';

import { useState } from 'react';
import type { CaseDetail } from '@/lib/cases/types';
import type { MediaView } from '@/lib/queue/detail-types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { MediaPrefs } from '@/components/report-detail/media-prefs';
import { addNote, patchCase, resolveCaseCall, searchAgain } from '@/components/cases/case-api';
import { CaseCopies } from '@/components/cases/case-copies';
import { CaseEdit } from '@/components/cases/case-edit';
import { CaseHeader } from '@/components/cases/case-header';
import { CaseItem } from '@/components/cases/case-item';
import { CaseLookups } from '@/components/cases/case-lookups';
import { CaseNotes } from '@/components/cases/case-notes';
import { CaseReports } from '@/components/cases/case-reports';
import { CaseTimeline } from '@/components/cases/case-timeline';
import { EvidencePanel } from '@/components/cases/evidence-panel';
import { PurgePanel } from '@/components/cases/purge-panel';
import { ResolveDialog } from '@/components/cases/resolve-dialog';
import { useCase } from '@/components/cases/use-case';
import { FilingPanel } from '@/components/filing/filing-panel';
import { ForwardPanel } from '@/components/filing/forward-panel';
import { ClaimBanner } from '@/components/claims/claim-banner';
import { EscalateControl } from '@/components/escalations/escalate-control';
import { SubjectTags } from '@/components/tags/subject-tags';

export function CaseClient({ initial, media, prefs, myId, isAdmin = false }: { initial: CaseDetail; media: MediaView | null; prefs: MediaPrefs; myId: string; isAdmin?: boolean }) {
  const { c, refreshError, busy, error, run } = useCase(initial);
  const [resolving, setResolving] = useState(false);
  const [announce, setAnnounce] = useState('');
  const openReports = c.reports.filter((r) => r.status === 'open').length;
  const instanceNames = new Map([...c.lookups, ...c.copies, ...c.reports].map((x) => [x.instance.id, x.instance.name]));

  async function resolve(input: { resolveReports: boolean; comment?: string }) {
    const out = await run('resolve', () => resolveCaseCall(c.id, input));
    if (!out) return;
    setResolving(false);
    setAnnounce(input.resolveReports ? `Case closed. ${out.actionIds.length} report${out.actionIds.length === 1 ? '' : 's'} queued to be resolved on their servers.` : 'Case closed.');
  }

  return (
    <>
      <ClaimBanner subjectType="case" subjectKey={c.id} />
      <CaseHeader c={c} myId={myId} busy={busy === 'assign'} onAssign={(assigneeId) => void run('assign', () => patchCase(c.id, { assigneeId }))} />
      <div className="mb-3 space-y-2">
        {refreshError ? <Alert tone="error">Could not refresh this case: {refreshError}</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {announce ? <Alert tone="ok">{announce}</Alert> : null}
      </div>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          <CaseItem c={c} media={media} prefs={prefs} />
          <PurgePanel c={c} isAdmin={isAdmin} names={instanceNames} />
          <FilingPanel caseId={c.id} />
          <ForwardPanel caseId={c.id} />
          <CaseCopies copies={c.copies} caseId={c.id} canAccept={c.can.edit} />
          <CaseLookups lookups={c.lookups} canSearch={c.can.searchAgain} busy={busy === 'search'} onSearch={() => void run('search', () => searchAgain(c.id))} />
          <CaseReports reports={c.reports} />
        </div>
        <aside className="min-w-0 space-y-5" aria-label="Case actions, notes and timeline">
          {c.can.edit ? (
            <Card className="space-y-2">
              <h2 className="text-sm font-semibold">Decide</h2>
              {c.state === 'open' ? (
                <Button type="button" variant="primary" onClick={() => setResolving(true)} disabled={busy !== null}>Resolve case…</Button>
              ) : c.state === 'closed' ? (
                <Button type="button" onClick={() => void run('reopen', () => patchCase(c.id, { state: 'open' }))} disabled={busy !== null}>{busy === 'reopen' ? 'Reopening…' : 'Reopen'}</Button>
              ) : (
                <p className="text-sm text-muted">This case is {c.state}.</p>
              )}
              <CaseEdit key={`${c.title}|${c.severity}|${c.label}`} c={c} busy={busy === 'edit'} onSave={(patch) => void run('edit', () => patchCase(c.id, patch))} />
            </Card>
          ) : (
            <p className="text-sm text-muted">Your role can read this case but not change it.</p>
          )}
          <EvidencePanel caseId={c.id} />
          <Card className="space-y-4"><SubjectTags subjectType="case" subjectKey={c.id} canEdit={c.can.edit} /><EscalateControl subjectType="case" subjectKey={c.id} canRaise={c.can.edit} /></Card>
          <CaseNotes notes={c.notes} canAdd={c.can.edit} busy={busy === 'note'} onAdd={async (body) => (await run('note', () => addNote(c.id, body))) !== null} />
          <CaseTimeline events={c.timeline} instanceNames={instanceNames} />
        </aside>
      </div>
      {c.can.edit ? (
        <ResolveDialog
          open={resolving}
          openReports={openReports}
          canResolveReports={c.can.resolveReports}
          busy={busy === 'resolve'}
          onClose={() => setResolving(false)}
          onResolve={(input) => void resolve(input)}
        />
      ) : null}
    </>
  );
}
