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

/** How long ago, in words: the same wording as the report header. */
export { timeAgo as ago } from '@/components/ui/time-ago';
