import crypto from 'node:crypto';
import { canonicalJson } from '@/lib/audit/chain';
import type { RemoteReport } from '@/lib/connectors/types';

/** A stable fingerprint of what the server told us: equal hashes mean a re-sync has nothing to write. */
export function reportContentHash(report: RemoteReport): string {
  return crypto.createHash('sha256').update(canonicalJson(report)).digest('hex');
}
