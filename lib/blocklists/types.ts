/**
 * Shared shapes of lib/blocklists (issue 13). Pure types: the parser, merge and diff (pure), the DB verbs and the
 * pages all speak these. Severity ranks: suspend > silence > noop (noop = Mastodon's "reject media/reports only").
 */
import type { DomainBlockSeverity, DomainBlockTarget, ServerKind } from '@/lib/connectors/types';

export type Severity = DomainBlockSeverity;
export const SEVERITY_RANK: Record<Severity, number> = { noop: 0, silence: 1, suspend: 2 };

export type SourceFormat = 'auto' | 'mastodon_csv' | 'plain' | 'mastodon_json';
export type DetectedFormat = Exclude<SourceFormat, 'auto'>;

// ---- parsing (lib/blocklists/parse/) -------------------------------------------------------------------------

/** One readable entry of a list. `domain` is normalized: lower-case ASCII (punycode), no trailing dot, no "*.". */
export interface ParsedEntry {
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  publicComment: string | null;
  /** Listed as "*.example.com". */
  wildcard: boolean;
  /** The obfuscated form the list gave ("ex*mple.com"), when `domain` was resolved from it. */
  obfuscatedAs: string | null;
  /** 1-based line (CSV/plain) or array index + 1 (JSON). */
  line: number;
}

/** An obfuscated entry ("ex*mple.com", Mastodon's public list with a SHA-256 digest): resolved against known domains. */
export interface ObfuscatedEntry {
  pattern: string;
  /** Hex SHA-256 of the real domain, where the list gives it (Mastodon's /api/v1/instance/domain_blocks). */
  digest: string | null;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  publicComment: string | null;
  line: number;
}

export interface BadLine {
  line: number;
  /** The line as given, cut to 200 characters, control characters removed. */
  text: string;
  error: string;
}

export interface ParseResult {
  format: DetectedFormat;
  entries: ParsedEntry[];
  obfuscated: ObfuscatedEntry[];
  bad: BadLine[];
}

// ---- merge (pure) --------------------------------------------------------------------------------------------

export interface MergePolicy {
  /** A domain is blocked when at least this many enabled sources list it (a trusted source is enough alone). */
  threshold: number;
  /** 'max': the strongest severity any listing source gives. 'agreed': the strongest that `threshold` sources agree on (see merge.ts). */
  severity: 'max' | 'agreed';
  /** Remove list-made blocks that no source lists any more without asking (else the preview proposes it). */
  autoRetract: boolean;
}
export const DEFAULT_POLICY: MergePolicy = { threshold: 2, severity: 'max', autoRetract: false };

/** One source's current entries, as merge needs them. */
export interface MergeSource {
  id: string;
  name: string;
  trusted: boolean;
  entries: Pick<ParsedEntry, 'domain' | 'severity' | 'rejectMedia' | 'rejectReports' | 'publicComment' | 'wildcard' | 'obfuscatedAs'>[];
}

export interface MergedBlock {
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  /** The public comments of the listing sources, joined; null when none gave one. */
  publicComment: string | null;
  /** Any listing source gave it obfuscated: publish it obfuscated too. */
  obfuscate: boolean;
  /** Every enabled source listing it, sorted. */
  sourceIds: string[];
}

export type ExcludedReason = 'allowlist' | 'own_domain' | 'below_threshold';
export interface ExcludedDomain {
  domain: string;
  reason: ExcludedReason;
  sourceIds: string[];
}

export interface MergeResult {
  blocks: Map<string, MergedBlock>;
  excluded: ExcludedDomain[];
}

// ---- diff (pure) ---------------------------------------------------------------------------------------------

/** An instance's block as we last read it, with its provenance (InstanceDomainBlock). */
export interface CurrentBlock {
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  publicComment: string | null;
  obfuscate: boolean;
  origin: 'list' | 'hand';
  sourceIds: string[];
}

/**
 * add / raise / lower / update (same severity, flags differ) / remove (a list-made block no source wants any more)
 * change the server when applied. 'unsupported' (the server cannot express it) and 'kept_hand' (blocked by hand
 * here, left as it is) are shown and never sent.
 */
export type DiffOp = 'add' | 'raise' | 'lower' | 'update' | 'remove' | 'unsupported' | 'kept_hand';
export type ApplyOp = Extract<DiffOp, 'add' | 'raise' | 'lower' | 'update' | 'remove'>;
export const APPLY_OPS: ApplyOp[] = ['add', 'raise', 'lower', 'update', 'remove'];

export interface DiffLine {
  domain: string;
  op: DiffOp;
  before: CurrentBlock | null;
  /** What would be sent (already adapted to the server's capability); null for remove and for the not-sent ops. */
  after: DomainBlockTarget | null;
  /** The sources behind the line: the listing sources, or for a removal the sources that used to list it. */
  sourceIds: string[];
  /** Why, in words, for unsupported / kept_hand / remove lines. */
  note?: string;
}

export interface InstanceDiff {
  instanceId: string;
  name: string;
  kind: ServerKind;
  /** false: this kind cannot take blocklists (note says why); lines is empty. */
  supported: boolean;
  /** The kind's block semantics or why unsupported (BlocklistCapability.note / notes['domain.blocks_reconcile']). */
  note: string;
  /** Sorted by op (APPLY_OPS order, then unsupported, kept_hand), then domain. */
  lines: DiffLine[];
  counts: Record<DiffOp, number>;
}

// ---- views (DB verbs → pages, API, CLI) -------------------------------------------------------------------------

export interface SourceView {
  id: string;
  name: string;
  url: string | null;
  format: SourceFormat;
  trusted: boolean;
  enabled: boolean;
  allowPrivate: boolean;
  refreshMinutes: number;
  lastFetchedAt: string | null;
  lastOkAt: string | null;
  lastError: string | null;
  entryCount: number;
  /** From the latest fetch. */
  badLineCount: number;
  unresolvedCount: number;
}

export interface FetchView {
  id: string;
  at: string;
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  notModified: boolean;
  format: string | null;
  entryCount: number;
  badLineCount: number;
  badLines: BadLine[];
  unresolved: { line: number; pattern: string }[];
  addedCount: number;
  removedCount: number;
  changedCount: number;
  added: string[];
  removed: string[];
  changed: string[];
}

export interface SourceDetailView extends SourceView {
  fetches: FetchView[];
  /** First 500 entries, by domain. */
  entries: (Pick<ParsedEntry, 'domain' | 'severity' | 'rejectMedia' | 'rejectReports' | 'publicComment' | 'wildcard' | 'obfuscatedAs'>)[];
}

export interface AllowView {
  domain: string;
  comment: string;
  createdAt: string;
}

export interface PublishView {
  enabled: boolean;
  /** Public: anyone with the URL; else the URL carries the token. */
  public: boolean;
  /** The full URL to share (with ?token=… when not public); null while disabled. Admins only see it. */
  url: string | null;
}

export interface PreviewView {
  generatedAt: string;
  /** Hash of every sendable line: apply refuses when the preview the moderator saw is no longer current. */
  digest: string;
  policy: MergePolicy;
  merged: { total: number; suspend: number; silence: number; noop: number };
  /** First 500 exclusions (allowlist, own domains, below threshold). */
  excluded: ExcludedDomain[];
  excludedCount: number;
  sources: { id: string; name: string }[];
  instances: (InstanceDiff & {
    /** When its block list was last read, and the error if the last read failed. */
    blocksReadAt: string | null;
    blocksError: string | null;
    /** Lines past the first 500 per instance are counted, not listed (counts stay complete). */
    truncated: boolean;
  })[];
  /** The actor may apply (federation access). */
  canApply: boolean;
}

export interface ApplyInput {
  /** Default: every instance the actor can act on that can take blocklists. */
  instanceIds?: string[];
  /** Default: all of APPLY_OPS. */
  ops?: ApplyOp[];
  /** PreviewView.digest the moderator reviewed; apply refuses with 'conflict' when the diff changed since. */
  digest?: string;
}

export interface ApplyResult {
  /** null when nothing was to change. */
  applicationId: string | null;
  changes: number;
  instances: number;
}

export type ApplicationState = 'queued' | 'done' | 'partial' | 'failed';

export interface ChangeView {
  id: string;
  instanceId: string;
  instanceName: string;
  domain: string;
  op: ApplyOp;
  before: CurrentBlock | null;
  after: DomainBlockTarget | null;
  sourceIds: string[];
  state: 'queued' | 'done' | 'failed';
  error: string | null;
}

export interface ApplicationView {
  id: string;
  kind: 'apply' | 'undo' | 'auto_retract';
  createdAt: string;
  requestedBy: string | null;
  undoOfId: string | null;
  undoneAt: string | null;
  /** The latest application that is not an undo and not undone, once all its changes finished. */
  canUndo: boolean;
  state: ApplicationState;
  summary: { instances: number; add: number; raise: number; lower: number; update: number; remove: number };
  counts: { queued: number; done: number; failed: number };
}

export interface ApplicationDetailView extends ApplicationView {
  changes: ChangeView[];
}
