'use client';
/**
 * One reveal of an original = one id the browser makes (crypto.randomUUID), sent as `?reveal=<id>` so the server
 * records it as one exposure. When the original is hidden again, the item unmounts, or the page is hidden, the
 * reveal is ended once with a beacon, so its duration is known. Ids are made only in the browser (never during the
 * server render), so the server's HTML and hydration agree and an auto-reveal starts after mount.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function endRevealUrl(id: string): string {
  return `/api/exposure/reveals/${encodeURIComponent(id)}/end`;
}

function sendEnd(id: string): void {
  const url = endRevealUrl(id);
  // sendBeacon survives the page going away; keepalive fetch is the fallback where it is missing.
  if (typeof navigator !== 'undefined' && typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url)) return;
  void fetch(url, { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(() => undefined);
}

export function withRevealId(url: string, id: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}reveal=${encodeURIComponent(id)}`;
}

export interface RevealState {
  revealId: string | null;
  reveal(): void;
  hide(): void;
  /** The server refused or failed the reveal: nothing to end, and the item goes back to hidden. */
  refused(): void;
}

export function useReveal(auto: boolean): RevealState {
  const [revealId, setRevealId] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  const done = useRef(new Set<string>());
  const mounted = useRef(false);
  const end = useCallback((id: string | null) => {
    if (!id || done.current.has(id)) return;
    done.current.add(id);
    sendEnd(id);
  }, []);
  useEffect(() => { current.current = revealId; }, [revealId]);
  useEffect(() => { if (auto) setRevealId(crypto.randomUUID()); }, [auto]);
  useEffect(() => {
    const hidden = () => { if (document.visibilityState === 'hidden') end(current.current); };
    const pagehide = () => end(current.current);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', pagehide);
    // Unmount ends the reveal; the timeout lets React's development double-mount re-arm before it counts as gone.
    mounted.current = true;
    return () => {
      mounted.current = false;
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', pagehide);
      const id = current.current;
      setTimeout(() => { if (!mounted.current) end(id); }, 0);
    };
  }, [end]);
  return {
    revealId,
    reveal: () => setRevealId(crypto.randomUUID()),
    hide: () => { end(current.current); setRevealId(null); },
    refused: () => { if (current.current) done.current.add(current.current); setRevealId(null); },
  };
}
