/**
 * MACs over the audit log's end (the head, and checkpoints made from it), with the audit key. Each kind has its
 * own domain label, so a MAC of one kind is never valid as another.
 */
import crypto from 'node:crypto';
import { canonicalJson, sameDigest } from './chain';

export interface ChainEnd {
  count: bigint;
  lastSeq: bigint;
  lastHash: string;
  /** When the head moved, or when the checkpoint was taken. */
  at: Date;
}

function mac(label: string, end: ChainEnd, key: Buffer): string {
  const body = canonicalJson({ count: String(end.count), lastSeq: String(end.lastSeq), lastHash: end.lastHash, at: end.at.toISOString() });
  return crypto.createHmac('sha256', key).update(`fedimod.audit.${label}.v1\n${body}`).digest('hex');
}

export const sealHead = (end: ChainEnd, key: Buffer): string => mac('head', end, key);
export const sealCheckpoint = (end: ChainEnd, key: Buffer): string => mac('checkpoint', end, key);

export function headSealValid(end: ChainEnd, sealed: string, key: Buffer): boolean {
  return sameDigest(sealHead(end, key), sealed);
}

export function checkpointSealValid(end: ChainEnd, sealed: string, key: Buffer): boolean {
  return sameDigest(sealCheckpoint(end, key), sealed);
}
