'use client';

/**
 * Short-lived messages with an optional action (Undo). One polite live region announces them; the region is
 * always in the DOM so screen readers register it before the first message arrives. Stacked bottom-right, full
 * width less a margin on a phone. Timers live in the hook, so a toast's button can end it early (dismiss).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type ToastTone = 'neutral' | 'ok' | 'danger';

export interface Toast {
  id: number;
  text: string;
  tone?: ToastTone;
  action?: { label: string; onClick: () => void };
  /** Milliseconds before it goes by itself; 0 keeps it until dismissed. */
  durationMs?: number;
}

const TONE: Record<ToastTone, string> = {
  neutral: 'border-line bg-surface text-ink',
  ok: 'border-line bg-ok-soft text-ink',
  danger: 'border-line bg-danger-soft text-danger',
};

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const seq = useRef(0);
  const dismiss = useCallback((id: number) => {
    const t = timers.current.get(id);
    if (t) clearTimeout(t);
    timers.current.delete(id);
    setToasts((all) => all.filter((x) => x.id !== id));
  }, []);
  const show = useCallback((toast: Omit<Toast, 'id'>): number => {
    const id = ++seq.current;
    setToasts((all) => [...all.slice(-3), { ...toast, id }]);
    const ms = toast.durationMs ?? 5000;
    if (ms > 0) timers.current.set(id, setTimeout(() => dismiss(id), ms));
    return id;
  }, [dismiss]);
  useEffect(() => {
    const all = timers.current;
    return () => { for (const t of all.values()) clearTimeout(t); };
  }, []);
  return { toasts, show, dismiss };
}

export function ToastRegion({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="Notifications"
      className="pointer-events-none fixed inset-x-3 bottom-3 z-50 flex flex-col items-stretch gap-2 sm:left-auto sm:right-4 sm:bottom-4 sm:w-96"
      data-testid="toasts"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          data-testid="toast"
          className={`pointer-events-auto flex items-center gap-3 rounded-md border px-3 py-2 text-sm shadow-lg ${TONE[t.tone ?? 'neutral']}`}
        >
          <p className="min-w-0 flex-1 break-words">{t.text}</p>
          {t.action ? (
            <button
              type="button"
              onClick={() => { t.action?.onClick(); onDismiss(t.id); }}
              className="shrink-0 rounded-md border border-line bg-surface px-2.5 py-1 text-sm font-semibold text-accent hover:bg-subtle focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              {t.action.label}
            </button>
          ) : null}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => onDismiss(t.id)}
            className="shrink-0 rounded px-1 text-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
          >
            <span aria-hidden>×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
