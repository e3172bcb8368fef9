'use client';

import { useEffect } from 'react';
import { applyTheme, currentTheme } from './apply-theme';
import type { Theme } from './theme';

/**
 * The signed-in preference wins over the cookie: on another browser (or after a change elsewhere) the cookie may
 * be stale, so the dashboard brings the page and the cookie in line with the user's saved theme.
 */
export function ThemeSync({ theme }: { theme: Theme }) {
  useEffect(() => {
    if (currentTheme() !== theme || !document.cookie.split('; ').includes(`theme=${theme}`)) applyTheme(theme);
  }, [theme]);
  return null;
}
