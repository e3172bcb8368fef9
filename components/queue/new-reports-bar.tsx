'use client';

/** New reports are announced, not inserted: the list under the moderator's eyes does not move until asked. */
export function NewReportsBar({ count, onShow }: { count: number; onShow: () => void }) {
  return (
    <div role="status" aria-live="polite" className="min-h-0">
      {count > 0 ? (
        <button
          type="button"
          onClick={onShow}
          className="mb-2 w-full rounded-md border border-accent/30 bg-info-soft px-3 py-1.5 text-left text-sm text-accent hover:bg-selected"
        >
          {count === 1 ? '1 new report' : `${count} new reports`} — <span className="font-medium underline">show</span>
        </button>
      ) : null}
    </div>
  );
}
