/**
 * The audit chain's pure part: each row's hash covers its content and the previous row's hash, so changing or
 * removing any row breaks every hash after it.
 *
 * Version 1 rows (written before the audit key existed) use plain SHA-256, which anyone with write access can
 * recompute. Version 2 rows use HMAC-SHA256 with the audit key (derived from the master key, outside the
 * database). Once a version 2 row exists, a later version 1 row is refused: otherwise a forger would simply
 * append legacy-style rows.
 */
import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
export const LEGACY_CHAIN = 1;
export const KEYED_CHAIN = 2;

export interface ChainFields {
  seq: bigint | number | string;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  instanceId: string | null;
  details: unknown;
  ip: string | null;
  prevHash: string;
}

/** JSON with sorted keys, so the same content always hashes the same way (Postgres jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function eventBody(f: ChainFields): Record<string, unknown> {
  return {
    seq: String(f.seq),
    at: f.at.toISOString(),
    actorType: f.actorType,
    actorId: f.actorId,
    actorLabel: f.actorLabel,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    instanceId: f.instanceId,
    details: f.details,
    ip: f.ip,
    prevHash: f.prevHash,
  };
}

/** Version 1: kept only to verify rows written before the upgrade. */
export function hashEvent(f: ChainFields): string {
  return crypto.createHash('sha256').update(canonicalJson(eventBody(f))).digest('hex');
}

/** Version 2. The domain label keeps an event MAC from ever equalling a head or checkpoint MAC. */
export function macEvent(f: ChainFields, key: Buffer): string {
  return crypto.createHmac('sha256', key).update(`fedimod.audit.event.v2\n${canonicalJson(eventBody(f))}`).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export interface VerifyOutcome {
  ok: boolean;
  checked: number;
  firstBroken: { seq: string; reason: string } | null;
  /** Facts that are not a break but limit what "ok" proves (e.g. a head not yet signed). */
  notes?: string[];
}

export interface ChainState {
  prevHash: string;
  /** Whether a version 2 row has been seen: legacy rows are refused from then on. */
  keyed: boolean;
}

export type ChainRow = ChainFields & { hash: string; chainVersion: number };

/** Checks rows in seq order, continuing from `state` (the genesis state for the first page). */
export function verifyRows(
  rows: ChainRow[],
  key: Buffer,
  state: ChainState = { prevHash: GENESIS_HASH, keyed: false },
): VerifyOutcome & { state: ChainState } {
  let { prevHash, keyed } = state;
  let checked = 0;
  const broken = (row: ChainRow, reason: string) => ({ ok: false, checked, firstBroken: { seq: String(row.seq), reason }, state: { prevHash, keyed } });
  for (const row of rows) {
    if (row.prevHash !== prevHash) return broken(row, 'previous hash does not match (a row was removed or reordered)');
    if (row.chainVersion === KEYED_CHAIN) {
      if (!sameDigest(macEvent(row, key), row.hash)) return broken(row, 'content does not match its MAC (the row was changed or forged)');
      keyed = true;
    } else if (row.chainVersion === LEGACY_CHAIN) {
      if (keyed) return broken(row, 'an unkeyed (version 1) row after keyed rows (a forged row)');
      if (hashEvent(row) !== row.hash) return broken(row, 'content does not match its hash (the row was changed)');
    } else {
      return broken(row, `unknown chain version ${row.chainVersion}`);
    }
    prevHash = row.hash;
    checked++;
  }
  return { ok: true, checked, firstBroken: null, state: { prevHash, keyed } };
}
