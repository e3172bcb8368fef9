/**
 * The audit chain's pure part: each row's hash covers its content and the previous row's hash,
 * so changing or removing any row breaks every hash after it.
 */
import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

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

export function hashEvent(f: ChainFields): string {
  const body = canonicalJson({
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
  });
  return crypto.createHash('sha256').update(body).digest('hex');
}

export interface VerifyOutcome {
  ok: boolean;
  checked: number;
  firstBroken: { seq: string; reason: string } | null;
}

/** Checks rows in seq order; `prev` is the hash the first row should point at. */
export function verifyRows(rows: (ChainFields & { hash: string })[], prev = GENESIS_HASH): VerifyOutcome & { lastHash: string } {
  let expectedPrev = prev;
  let checked = 0;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev) {
      return { ok: false, checked, firstBroken: { seq: String(row.seq), reason: 'previous hash does not match (a row was removed or reordered)' }, lastHash: expectedPrev };
    }
    if (hashEvent(row) !== row.hash) {
      return { ok: false, checked, firstBroken: { seq: String(row.seq), reason: 'content does not match its hash (the row was changed)' }, lastHash: expectedPrev };
    }
    expectedPrev = row.hash;
    checked++;
  }
  return { ok: true, checked, firstBroken: null, lastHash: expectedPrev };
}
