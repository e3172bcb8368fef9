'use client';

import { useEffect, useState } from 'react';
import { isDarkNow, saveTheme } from './apply-theme';

/** The nav's quick switch between light and dark; "Follow the system" lives in Settings → Appearance. */
export function ThemeToggle({ className = '' }: { className?: string }) {
  const [dark, setDark] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // The class also changes from Settings and from the system (theme.ts's head script): follow it.
    setDark(isDarkNow());
    const observer = new MutationObserver(() => setDark(isDarkNow()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  const toggle = () => {
    const next = !dark;
    setDark(next);
    setError(null);
    saveTheme(next ? 'dark' : 'light').catch((e: unknown) => setError(e instanceof Error ? e.message : 'Could not save the theme.'));
  };
  return (
    <>
      <button type="button" aria-pressed={dark} onClick={toggle} className={`rounded-md px-2.5 py-1.5 text-left text-sm text-muted hover:bg-subtle hover:text-ink ${className}`}>
        Dark mode
      </button>
      {error ? <span role="alert" className="text-xs text-danger">{error}</span> : null}
    </>
  );
}
