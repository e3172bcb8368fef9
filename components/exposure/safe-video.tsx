'use client';
/**
 * The one way to show a video (issue 15, safer defaults): muted, never autoplaying, nothing downloaded until the
 * person presses play (preload="none"), and paused again when the tab is hidden. Use it instead of a bare <video>.
 */
import { useEffect, useRef } from 'react';

export function SafeVideo({ src, label, className = '' }: { src: string; label: string; className?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const pause = () => { if (document.visibilityState === 'hidden') ref.current?.pause(); };
    document.addEventListener('visibilitychange', pause);
    return () => document.removeEventListener('visibilitychange', pause);
  }, []);
  return (
    <video ref={ref} src={src} muted controls preload="none" playsInline aria-label={label} className={`max-h-80 w-full rounded border border-line bg-subtle ${className}`}>
      Your browser cannot play this video; download it to inspect.
    </video>
  );
}
