/** Which main links a role sees. Pure, so the rule is tested without rendering; pages still check access themselves. */
const RANK: Record<string, number> = { viewer: 0, moderator: 1, admin: 2, owner: 3 };

export interface NavLink { href: string; label: string; minRole?: 'moderator' | 'admin' }

const LINKS: NavLink[] = [
  { href: '/queue', label: 'Queue' },
  { href: '/cases', label: 'Cases' },
  // Rendered by InboxLink (components/notes), which carries its own count.
  { href: '/inbox', label: 'Inbox' },
  { href: '/instances', label: 'Instances' },
  { href: '/banks', label: 'Hash banks', minRole: 'moderator' },
  // Viewers read sources, previews and history; changing anything is checked by each route.
  { href: '/blocklists', label: 'Blocklists' },
  // Holding cell, watch lists, matchers (issue 14); viewers reach /safety by link, the pages check roles themselves.
  { href: '/safety', label: 'Safety', minRole: 'moderator' },
  { href: '/team', label: 'Team', minRole: 'admin' },
  { href: '/users', label: 'Users', minRole: 'admin' },
  { href: '/audit', label: 'Audit log', minRole: 'admin' },
  { href: '/settings', label: 'Settings' },
];

export function navLinksFor(role: string): NavLink[] {
  const rank = RANK[role] ?? -1;
  return LINKS.filter((l) => rank >= 0 && (!l.minRole || rank >= RANK[l.minRole]));
}
