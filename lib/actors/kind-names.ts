/** Server kinds as people write them, for the reasons the apply list gives. */
const NAMES: Record<string, string> = {
  mastodon: 'Mastodon', gotosocial: 'GoToSocial', akkoma: 'Akkoma', misskey: 'Misskey', lemmy: 'Lemmy', peertube: 'PeerTube',
};

export function kindName(kind: string): string {
  return NAMES[kind] ?? kind;
}
