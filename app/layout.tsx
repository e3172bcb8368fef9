import type { Metadata } from 'next';
import './globals.css';

// Every page depends on the session and live data: nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Fedimod',
  description: 'Moderation dashboard for fediverse instances',
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans text-[15px] antialiased">{children}</body>
    </html>
  );
}
