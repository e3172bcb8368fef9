/** Compact ages for dense lists ("now", "12m", "3h", "5d", "7w", "2y"); the full date goes in a tooltip. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 14) return `${days}d`;
  if (days < 365) return `${Math.floor(days / 7)}w`;
  return `${Math.floor(days / 365)}y`;
}

export function categoryTone(category: string): 'danger' | 'warn' | 'info' | 'neutral' {
  switch (category.toLowerCase()) {
    case 'legal': return 'danger';
    case 'violation': return 'warn';
    case 'spam': return 'neutral';
    default: return 'info';
  }
}

export const KNOWN_CATEGORIES = ['legal', 'violation', 'spam', 'other'] as const;
