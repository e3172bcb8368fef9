'use client';

/**
 * The holding cell's part of the report page: holds (confirm / undo with a toast), the brigade notice and the
 * watch-item notice. After a decision the report and the queue are fetched again, so the state follows.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import type { HoldView } from '@/lib/holding/types';
import type { ReportDetail } from '@/lib/queue/detail-types';
import { sendJson } from '@/components/auth/send-json';
import { ToastRegion, useToasts } from '@/components/ui/toast';
import { BrigadeNotice } from './brigade-notice';
import { decideHold, type HoldDecision } from './hold-api';
import { HoldPanel } from './hold-panel';
import { WatchNotice } from './watch-notice';

export function ReportSafety({ report }: { report: ReportDetail }) {
  const qc = useQueryClient();
  const toasts = useToasts();
  const [busy, setBusy] = useState<string | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['report', report.id] });
    void qc.invalidateQueries({ queryKey: ['queue'] });
  };
  async function decide(hold: HoldView, decision: HoldDecision) {
    setBusy(hold.id);
    const res = await decideHold(hold.id, decision);
    setBusy(null);
    toasts.show({ text: res.text, tone: res.ok ? 'ok' : 'danger' });
    if (res.ok) refresh();
  }
  async function close() {
    setBusy('watch');
    const res = await sendJson(`/api/watch/items/${encodeURIComponent(report.id)}/close`, 'POST', {}, z.unknown());
    setBusy(null);
    toasts.show({ text: res.ok ? 'Closed. The item left the queue.' : res.message, tone: res.ok ? 'ok' : 'danger' });
    if (res.ok) refresh();
  }
  const watch = report.kind === 'watch';
  if (!watch && !report.brigade && report.holds.length === 0) return null;
  return (
    <>
      {watch ? <WatchNotice refs={report.watch} canAct={report.canAct} closed={report.status === 'resolved'} busy={busy === 'watch'} onClose={() => void close()} /> : null}
      <HoldPanel holds={report.holds} canAct={report.canAct} busyId={busy} onDecide={(h, d) => void decide(h, d)} />
      {report.brigade ? <BrigadeNotice brigade={report.brigade} score={report.reportScore} /> : null}
      <ToastRegion toasts={toasts.toasts} onDismiss={toasts.dismiss} />
    </>
  );
}
