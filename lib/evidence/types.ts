/**
 * Evidence view models and the manifest format (JSON-safe). Type-only module: client components import it.
 */

/** One item of a sealed bundle. `n` is its index: the file is stored at evidence/<evidenceId>/<n>. */
export interface ManifestItem {
  n: number;
  /** Path inside the export ZIP, e.g. "files/original.png", "copies/<copyId>/file.png", "posts/<copyId>.json". */
  path: string;
  /** file (media bytes) | json (records: case, copies, posts, accounts, reports) | missing (could not be fetched: no bytes) */
  kind: 'file' | 'json' | 'missing';
  mime: string | null;
  sha256: string | null;
  bytes: number;
  /** Where the bytes came from: our stored media id, a URL fetched at sealing, or the database record. */
  source: string;
  /** For files: the case copy ids whose bytes these are (byte-identical copies share one file). */
  copyIds?: string[];
  /** For missing items: why there are no bytes. */
  note?: string;
}

/** The manifest exactly as sealed. Its SHA-256 is over canonicalJson(manifest) (lib/evidence/canonical-json.ts). */
export interface EvidenceManifest {
  format: 'fedimod-evidence/1';
  evidenceId: string;
  case: { id: string; number: number; title: string };
  version: number;
  sealedAt: string;
  sealedBy: string;
  reason: string;
  /** The item's hashes as the case records them. */
  hashes: { sha256: string | null; md5: string | null; pdq: string | null };
  originUri: string | null;
  copyIds: string[];
  items: ManifestItem[];
}

export interface EvidenceView {
  id: string;
  version: number;
  sealedAt: string;
  sealedByLabel: string;
  reason: string;
  manifestSha256: string;
  itemCount: number;
  totalBytes: number;
  retainUntil: string;
  legalHold: boolean;
  holdReason: string | null;
  destroyedAt: string | null;
  /** Copies found after this seal (a purge seals again before removing them). */
  copyCount: number;
}

export interface EvidencePanel {
  /** Newest first. */
  seals: EvidenceView[];
  /** Copies of the case not covered by any seal yet. */
  uncoveredCopies: number;
  can: {
    /** Open items and export (permission: owners, admins, and users granted evidence access). */
    open: boolean;
    /** Seal by hand: anyone who can edit the case. */
    seal: boolean;
    /** Extend retention, place or lift a legal hold: admins. */
    manage: boolean;
  };
}

/** `evidence verify CASE` result, and the JSON it prints with --json. */
export interface EvidenceVerifyResult {
  ok: boolean;
  seals: {
    evidenceId: string;
    version: number;
    ok: boolean;
    /** The manifest's hash matches the row and the evidence.sealed audit event, and that event is in a valid chain. */
    manifestOk: boolean;
    destroyed: boolean;
    /** Items whose bytes are missing or do not hash to the manifest (empty when destroyed: nothing left to check). */
    badItems: { n: number; path: string; problem: string }[];
    checkedItems: number;
    /** What is wrong with the manifest, in words (empty when manifestOk). */
    problems?: string[];
  }[];
  /** The whole audit chain up to its signed head (the seals' events are only as good as the chain they are in). */
  chain?: { ok: boolean; problem: string | null };
}

/** `cases show CASE --json` adds this (fixed by the issue); null fields when never sealed. */
export interface EvidenceJson {
  sealedAt: string | null;
  retainUntil: string | null;
  manifestSha256: string | null;
}
