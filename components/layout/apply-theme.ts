'use client';
/** Switches the page's theme at once and remembers it in the cookie; the server copy is saved by saveTheme. */
import { requestJson } from '@/components/api/request';
import { THEMES, themeCookieValue, type Theme } from './theme';

export function currentTheme(): Theme {
  const t = document.documentElement.dataset.theme;
  return (THEMES as readonly string[]).includes(t ?? '') ? (t as Theme) : 'system';
}

export function isDarkNow(): boolean {
  return document.documentElement.classList.contains('dark');
}

export function applyTheme(theme: Theme): void {
  const el = document.documentElement;
  el.dataset.theme = theme;
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  el.classList.toggle('dark', dark);
  document.cookie = themeCookieValue(theme);
}

export async function saveTheme(theme: Theme): Promise<void> {
  applyTheme(theme);
  await requestJson('/api/me/preferences', { method: 'PATCH', body: { theme } });
}
