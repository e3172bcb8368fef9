/** The fake's in-memory records. Accounts are keyed by nickname, as Akkoma's admin user endpoints are. */
export interface FakeAccount {
  id: string;
  nickname: string; // "alice" locally, "bob@remote.example" for remote accounts
  displayName: string;
  isActive: boolean;
  isAdmin: boolean;
  tags: string[];
  createdAt: string;
}

export interface FakeMedia {
  id: string;
  imageSeed: number;
  width: number;
  height: number;
}

export interface FakeStatus {
  id: string;
  nickname: string;
  content: string;
  sensitive: boolean;
  visibility: string;
  createdAt: string;
  mediaIds: string[];
}

export type ReportState = 'open' | 'closed' | 'resolved';

export interface FakeReport {
  id: string;
  state: ReportState;
  actor: string; // reporter nickname
  account: string; // target nickname
  content: string;
  createdAt: string;
  statusIds: string[];
  notes: Array<{ id: string; content: string; createdAt: string }>;
}

export type MalformKind = 'missing_account' | 'id_object';

/** One admin write call as the fake received it, whatever the outcome. */
export interface WriteRecord {
  method: string;
  path: string;
  body: unknown;
  status: number;
  time: string;
}
