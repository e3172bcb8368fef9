/** The server kinds an admin can pick by hand when detection fails (those with a connector). */
export const SERVER_KIND_OPTIONS = [
  { kind: 'mastodon', label: 'Mastodon 4.x' },
] as const;
