/**
 * Domain blocks as connectors read and reconcile them for lib/blocklists (re-exported by types.ts, like case-types.ts).
 */
import type { DomainBlockSeverity } from './types';

/** One domain block as the server's admin API lists it now (lib/blocklists reads these to diff against reality). */
export interface RemoteDomainBlock {
  /** Lower-case ASCII (punycode), no trailing dot. */
  domain: string;
  /** The server's id for the block (Mastodon, GoToSocial); null where the domain itself is the key. */
  remoteId: string | null;
  /** A full block on a server without severities is 'suspend'. */
  severity: DomainBlockSeverity;
  rejectMedia: boolean;
  rejectReports: boolean;
  publicComment: string | null;
  obfuscate: boolean;
}

/** The block a blocklist application wants for one domain (fields the server cannot take are ignored by it). */
export interface DomainBlockTarget {
  severity: DomainBlockSeverity;
  rejectMedia: boolean;
  rejectReports: boolean;
  publicComment: string | null;
  obfuscate: boolean;
  /** Sent where the server keeps one (Mastodon, GoToSocial): names the application, never a person. */
  privateComment?: string | null;
}

/** One line of a reconcile: make the domain's block on this server equal `target`, or remove it (null). */
export interface DomainBlockChange {
  domain: string;
  target: DomainBlockTarget | null;
}

/** What a reconcile did for one domain: ok with the block as the server now has it (null: no block), or why not. */
export interface DomainBlockOutcome {
  domain: string;
  ok: boolean;
  error?: string;
  block: RemoteDomainBlock | null;
}

/**
 * How a server kind takes blocklist changes (Capabilities.blocklist). Absent: blocklists cannot be applied there
 * (notes['domain.blocks_reconcile'] says why).
 */
export interface BlocklistCapability {
  /** Severities it can express. Full-block-only servers: ['suspend']. */
  severities: DomainBlockSeverity[];
  /** Which flags it keeps per block. */
  flags: ('rejectMedia' | 'rejectReports')[];
  /** Can change an existing block's severity or flags in place (else a change is not offered there). */
  canUpdate: boolean;
  publicComment: boolean;
  obfuscate: boolean;
  /** Shown in the preview: how this kind's block semantics differ (e.g. "a full block; no limit/silence"). */
  note: string;
}
