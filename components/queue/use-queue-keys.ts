'use client';

/**
 * Queue shortcuts on the document: j/k move, Enter opens, r resolves, a assigns to me, x selects the row for bulk
 * work, u undoes the latest resolve, Esc clears the selection, ? toggles help.
 * Ignored while typing (inputs, selects, editable text), with modifier keys (browser shortcuts stay intact),
 * and while a modal dialog is open (it owns the keyboard; Esc closes it natively).
 */
import { useEffect, useRef } from 'react';

export interface QueueKeyHandlers {
  move(delta: 1 | -1): void;
  open(): void;
  resolve?: () => void;
  assign?: () => void;
  toggleSelect?: () => void;
  undo?: () => void;
  clearSelection?: () => void;
  toggleHelp(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useQueueKeys(handlers: QueueKeyHandlers): void {
  const ref = useRef(handlers);
  // Updated after render (not during it) so the listener always calls the latest handlers.
  useEffect(() => { ref.current = handlers; });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const h = ref.current;
      const map: Record<string, (() => void) | undefined> = {
        j: () => h.move(1),
        k: () => h.move(-1),
        Enter: e.target instanceof HTMLElement && e.target.closest('a,button') ? undefined : h.open,
        r: h.resolve,
        a: h.assign,
        x: h.toggleSelect,
        u: h.undo,
        Escape: h.clearSelection,
        '?': h.toggleHelp,
      };
      const fn = map[e.key];
      if (!fn) return;
      e.preventDefault();
      fn();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
