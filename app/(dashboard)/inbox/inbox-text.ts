/** Words for the inbox (pure): what a subject is called, and how long ago something happened. */

export function subjectLabel(type: string, key: string): string {
  switch (type) {
    case 'report': return `report ${key.slice(0, 8)}`;
    case 'case': return `case ${key.slice(0, 8)}`;
    case 'account': return `@${key}`;
    case 'domain': return key;
    default: return key;
  }
}

export function ago(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}
