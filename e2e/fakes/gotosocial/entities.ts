/** The fake's in-memory records: GoToSocial's database rows, reduced to what the admin API shows. */
export interface FakeAccount {
  id: string;
  username: string;
  domain: string | null; // null = local
  displayName: string;
  createdAt: string;
  email: string; // "" for remote accounts, as GoToSocial sends it
  role: 'admin' | 'moderator' | 'user';
  suspended: boolean;
}

export interface FakeMedia {
  id: string;
  accountId: string;
  imageSeed: number;
  width: number;
  height: number;
  createdAt: string;
  /** False after media_cleanup pruned the cached copy of a remote file. */
  cached: boolean;
  /** A federated file keeps the origin's URL (default: derived from the author's domain). */
  remoteUrl?: string;
  /** Exact bytes of the cached original instead of a rendered pattern, and their format. */
  bytes?: Buffer;
  format?: 'png' | 'jpeg';
}

export interface FakeStatus {
  id: string;
  accountId: string;
  content: string;
  createdAt: string;
  mediaIds: string[];
  /** A federated post keeps the origin's ActivityPub id and web URL (default: derived from the author). */
  uri?: string;
  url?: string;
  /** Hashtags without '#' (watch lists, issue 14); absent: derived from `#tag` in the HTML. */
  tags?: string[];
  /** Served lean like a real timeline item: no tags, media without meta, an account with few fields. */
  lean?: boolean;
  /** Served without its account, so a watch read must skip it and keep the rest of the page. */
  malformed?: boolean;
}

export interface FakeReport {
  id: string;
  createdAt: string;
  updatedAt: string;
  category: string;
  comment: string;
  forwarded: boolean;
  reporterId: string;
  targetId: string;
  statusIds: string[];
  ruleIds: string[];
  actionTakenAt: string | null;
  actionTakenById: string | null;
  actionTakenComment: string | null;
}

export interface FakeRule {
  id: string;
  text: string;
}

export interface FakeDomainBlock {
  id: string;
  domain: string;
  obfuscate: boolean;
  publicComment: string;
  privateComment: string;
  createdAt: string;
  /** Served with an object id (POST /__fake/domain-blocks {malformed: true}), to test that a list read skips it. */
  malformed?: boolean;
}

/** How a report is broken on the wire, so connectors can be tested against hostile payloads. */
export type MalformKind = 'missing_target' | 'id_object';

export interface WriteRecord {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  status: number;
  time: string;
}
