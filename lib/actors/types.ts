/**
 * View models of the account and domain pages (JSON-safe, type-only). Every string that came from a server
 * (display name, comment excerpt, post text) is remote text and must be rendered escaped.
 */
import type { ServerKind } from '@/lib/connectors/types';

export type ActorState = 'suspended' | 'limited' | 'disabled' | 'sensitized' | 'blocked' | 'nothing' | 'unknown';

export interface InstanceRef {
  id: string;
  name: string;
  kind: ServerKind | string;
  domain: string;
}

export interface InstanceAccountState {
  instance: InstanceRef;
  state: ActorState;
  /** Our Account.id on that instance, null when the instance never showed us the account. */
  accountId: string | null;
  remoteId: string | null;
  /** When our copy of the account was last written by a sync (null: never seen). */
  seenAt: string | null;
  /** The account's domain is blocked there (also when the account itself has a stronger state). */
  domainBlocked: boolean;
}

export interface ActorReport {
  id: string;
  instance: InstanceRef;
  status: 'open' | 'resolved';
  category: string;
  excerpt: string;
  remoteCreatedAt: string;
  /** The reported account's handle (on a domain page, which account of the domain). */
  targetHandle: string;
  link: string;
}

export interface ActorPost {
  id: string;
  instance: InstanceRef;
  url: string | null;
  /** Plain text (tags stripped), shortened. */
  excerpt: string;
  remoteState: string | null;
  remoteCreatedAt: string | null;
  media: { id: string; type: string; description: string | null; hasPreview: boolean }[];
}

export interface ActorCase {
  id: string;
  number: number;
  title: string;
  state: string;
  severity: number;
  link: string;
}

export interface AccountProfile {
  handle: string;
  username: string;
  domain: string;
  displayName: string;
  avatarUrl: string | null;
  url: string | null;
  states: InstanceAccountState[];
  reports: ActorReport[];
  posts: ActorPost[];
  cases: ActorCase[];
  /** The actor may ask for actions (moderator or above on at least one instance). */
  canAct: boolean;
}

export interface InstanceDomainState {
  instance: InstanceRef;
  blocked: boolean;
  severity: 'silence' | 'suspend' | null;
  blockedAt: string | null;
  knownAccounts: number;
  /** The domain is this instance's own. */
  own: boolean;
}

export interface DomainProfile {
  domain: string;
  instances: InstanceDomainState[];
  openReports: ActorReport[];
  cases: ActorCase[];
  canAct: boolean;
}

export type ApplyOutcome = 'queued' | 'skipped';

export interface ApplyResultRow {
  instanceId: string;
  name: string;
  outcome: ApplyOutcome;
  actionId?: string;
  reason?: string;
}

export interface ApplyEverywhereResult {
  /** True when nothing was written: the list says what a confirmed request would do. */
  preview: boolean;
  results: ApplyResultRow[];
}

export interface ActionProgress {
  id: string;
  status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
  lastError: string | null;
}
