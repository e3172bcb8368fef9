'use client';

/** "3 min ago" with the exact time on hover; renders the same on server and client to avoid hydration noise. */
export function RelativeTime({ iso, empty = '—' }: { iso: string | Date | null; empty?: string }) {
  if (!iso) return <span className="text-muted">{empty}</span>;
  const d = new Date(iso);
  const s = Math.max(0, Math.round((Date.now() - d.getTime()) / 1000));
  const text = s < 60 ? `${s}s ago` : s < 3600 ? `${Math.round(s / 60)} min ago` : s < 86_400 ? `${Math.round(s / 3600)} h ago` : `${Math.round(s / 86_400)} d ago`;
  return <time dateTime={d.toISOString()} title={d.toISOString()} suppressHydrationWarning>{text}</time>;
}
