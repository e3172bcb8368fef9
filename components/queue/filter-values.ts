/**
 * The queue's filters as they live in the URL. Defaults are left out of the query string so shared links stay
 * short; the server parses the same keys with lib/queue/queue-input.ts.
 */
import type { AssigneeFilter, QueueSort, QueueStatus } from '@/lib/queue/types';

export interface QueueFilterValues {
  status: QueueStatus;
  sort: QueueSort;
  instanceId?: string;
  category?: string;
  assignee: AssigneeFilter;
  hasMedia?: boolean;
  hasMatch?: boolean;
  tag?: string;
  escalated?: boolean;
}

export function toQueryString(f: QueueFilterValues): string {
  const p = new URLSearchParams();
  if (f.status !== 'open') p.set('status', f.status);
  if (f.sort !== 'newest') p.set('sort', f.sort);
  if (f.instanceId) p.set('instanceId', f.instanceId);
  if (f.category) p.set('category', f.category);
  if (f.assignee !== 'any') p.set('assignee', f.assignee);
  if (f.hasMedia !== undefined) p.set('hasMedia', f.hasMedia ? '1' : '0');
  if (f.hasMatch !== undefined) p.set('hasMatch', f.hasMatch ? '1' : '0');
  if (f.tag) p.set('tag', f.tag);
  if (f.escalated) p.set('escalated', '1');
  return p.toString();
}
