/**
 * Sends a checkpoint somewhere the database's superuser cannot reach: appended to a file (AUDIT_CHECKPOINT_FILE,
 * e.g. on another mount or a log shipper's input) and/or POSTed to a webhook (AUDIT_CHECKPOINT_WEBHOOK_URL)
 * through the SSRF-safe fetcher.
 */
import fs from 'node:fs/promises';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from '@/lib/net/fetch-policy';
import { safeFetch } from '@/lib/net/safe-fetch';
import { checkpointLine, type Checkpoint } from './checkpoint-file';

export interface DeliveryTargets {
  file?: string;
  webhookUrl?: string;
  /** Tests point the webhook at a local server; production always uses the default (public addresses only). */
  fetchPolicy?: FetchPolicy;
}

export function configuredTargets(): DeliveryTargets {
  const e = env();
  return { file: e.AUDIT_CHECKPOINT_FILE, webhookUrl: e.AUDIT_CHECKPOINT_WEBHOOK_URL };
}

/** Returns the targets that received it; throws after trying all of them if any failed. */
export async function deliverCheckpoint(c: Checkpoint, targets: DeliveryTargets = configuredTargets()): Promise<string[]> {
  const line = checkpointLine(c);
  const done: string[] = [];
  const failures: string[] = [];
  if (targets.file) {
    try {
      await fs.appendFile(targets.file, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
      done.push('file');
    } catch (e) {
      failures.push(`file: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (targets.webhookUrl) {
    try {
      const policy = { ...(targets.fetchPolicy ?? DEFAULT_FETCH_POLICY), maxBytes: 64 * 1024, timeoutMs: 10_000 };
      const res = await safeFetch(targets.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: line, policy, redirect: 'error' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      done.push('webhook');
    } catch (e) {
      failures.push(`webhook: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failures.length) throw new AppError('remote_error', `audit checkpoint delivery failed (${failures.join('; ')})`);
  return done;
}
