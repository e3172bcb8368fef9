import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { THEME_COOKIE, THEME_SCRIPT, themeFromCookie } from '@/components/layout/theme';
import './globals.css';

// Every page depends on the session and live data: nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Fedimod',
  description: 'Moderation dashboard for fediverse instances',
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // No session here: the cookie mirrors the signed-in choice (the dashboard's ThemeSync corrects a stale one).
  const theme = themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
  return (
    // The head script may add "dark" before hydration for "system": expected, so React is told not to warn.
    <html lang="en" data-theme={theme} className={theme === 'dark' ? 'dark' : undefined} suppressHydrationWarning>
      <head>
        {/* A constant string of our own (theme.ts), never user or remote text. There is no CSP nonce to carry. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans text-[15px] antialiased">{children}</body>
    </html>
  );
}
