/** The server kinds an admin can pick by hand when detection fails (those with a connector). */
export const SERVER_KIND_OPTIONS = [
  { kind: 'mastodon', label: 'Mastodon 4.x' },
  { kind: 'gotosocial', label: 'GoToSocial' },
  { kind: 'akkoma', label: 'Akkoma / Pleroma' },
  { kind: 'misskey', label: 'Misskey / Sharkey' },
  { kind: 'lemmy', label: 'Lemmy 0.19' },
  { kind: 'peertube', label: 'PeerTube' },
] as const;
