/**
 * The colour theme, shared by the root layout (server) and the browser. Pure and client-safe. The values mirror
 * User.theme (lib/auth/current-actor.ts USER_THEMES); tests/layout-theme.test.ts keeps the two lists equal.
 */
import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const themeSchema = z.enum(THEMES);

/** Mirrors the signed-in choice so the root layout, which has no session, renders the right class at once. */
export const THEME_COOKIE = 'theme';
const YEAR = 60 * 60 * 24 * 365;

export function themeFromCookie(value: string | undefined | null): Theme {
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : 'system';
}

export function themeCookieValue(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${YEAR}; SameSite=Lax`;
}

/**
 * Runs in <head> before first paint. It reads only the data-theme attribute the server wrote (never user text), so
 * "Follow the system" never flashes light on a dark system, and later system changes are followed live.
 */
export const THEME_SCRIPT = [
  '(function(){try{',
  'var d=document.documentElement,m=window.matchMedia("(prefers-color-scheme: dark)");',
  'var a=function(){var t=d.getAttribute("data-theme");if(t!=="light"&&t!=="dark")d.classList.toggle("dark",m.matches);};',
  'a();m.addEventListener("change",a);',
  '}catch(e){}})();',
].join('');
