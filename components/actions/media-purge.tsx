'use client';

import { Button } from '@/components/ui/button';
import type { ReportActionsData } from './use-report-actions';

/** Purging cached copies means different things per server; the note says exactly what this one does. */
export function MediaPurge({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  if (!data.capabilities.actions.includes('media.purge')) return null;
  const note = data.capabilities.notes['media.purge'];
  return (
    <div className="space-y-1.5">
      {note ? <p className="text-xs text-muted">{note}</p> : null}
      <Button
        variant="danger"
        disabled={busy}
        onClick={() => {
          if (window.confirm(`Purge cached media on ${data.instance.name}? ${note ?? ''}`)) onSubmit({ kind: 'media.purge' });
        }}
      >
        Purge cached media
      </Button>
    </div>
  );
}
