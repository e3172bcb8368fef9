'use client';

/**
 * Revealed media blurs again when the moderator leaves: another tab or window (visibility hidden), or the page
 * itself (pagehide, which also covers the back/forward cache). Route changes unmount the item, which resets it.
 */
import { useEffect, useRef } from 'react';

export interface ReblurHandlers {
  onTabHidden(): void;
  onPageHide(): void;
  /** The page came back from the back/forward cache with its old state. */
  onPageShowFromCache(): void;
}

export function useReblur(handlers: ReblurHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => { ref.current = handlers; });
  useEffect(() => {
    const visibility = () => { if (document.visibilityState === 'hidden') ref.current.onTabHidden(); };
    const pagehide = () => ref.current.onPageHide();
    const pageshow = (e: PageTransitionEvent) => { if (e.persisted) ref.current.onPageShowFromCache(); };
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('pagehide', pagehide);
    window.addEventListener('pageshow', pageshow);
    return () => {
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('pagehide', pagehide);
      window.removeEventListener('pageshow', pageshow);
    };
  }, []);
}
