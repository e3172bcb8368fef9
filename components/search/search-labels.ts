import type { SearchKind } from '@/lib/search/types';

/** One name per result kind, for the group headings and the kind filter. */
export const KIND_LABELS: Record<SearchKind, string> = {
  reports: 'Reports',
  accounts: 'Accounts',
  domains: 'Domains',
  posts: 'Post text',
  notes: 'Notes',
  hashes: 'Media by hash',
};
