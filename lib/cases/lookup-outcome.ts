/**
 * What one instance's lookup comes to (pure): the CaseLookup status and its moderator-facing detail, and the
 * copies to write. Errors show only AppError's userMessage (written to be shown, secrets redacted by the
 * connectors), never the internal message, which may carry a URL with a token in it.
 */
import type { CopyLookupResult, FoundCopy } from '@/lib/connectors/types';
import { isAppError } from '@/lib/errors';
import { remoteCopyKey } from './copy-key';

export interface LookupOutcome {
  status: 'found' | 'none' | 'cannot_check' | 'error';
  detail: string;
  copies: (FoundCopy & { copyKey: string })[];
}

const KIND_NAMES: Record<string, string> = {
  mastodon: 'Mastodon', gotosocial: 'GoToSocial', akkoma: 'Akkoma', misskey: 'Misskey', lemmy: 'Lemmy', peertube: 'PeerTube',
};

export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}


/** The connector has no findCopies: this kind has no lookup that reads only its own database. */
export function cannotLookUp(kind: string, note?: string | null): LookupOutcome {
  const base = `${kindName(kind)} cannot look for copies without fetching from another server`;
  return { status: 'cannot_check', detail: note ? `${base}. ${note}` : `${base}.`, copies: [] };
}

export function outcomeOfResult(result: CopyLookupResult): LookupOutcome {
  if (result.status === 'cannot_check') return { status: 'cannot_check', detail: result.reason, copies: [] };
  // One copy per key: a post found both by its URI and by its file's URL is one copy (the first way wins here;
  // the upsert keeps the stronger one anyway).
  const byKey = new Map<string, FoundCopy & { copyKey: string }>();
  let unkeyed = 0;
  for (const c of result.copies) {
    const copyKey = remoteCopyKey(c);
    if (!copyKey) unkeyed++;
    else if (!byKey.has(copyKey)) byKey.set(copyKey, { ...c, copyKey });
  }
  const copies = [...byKey.values()];
  const skipped = unkeyed > 0 ? ` ${unkeyed} match${unkeyed === 1 ? '' : 'es'} without a post or file id ignored.` : '';
  if (copies.length === 0) return { status: 'none', detail: `No copy. Checked: ${result.checked.replace(/\.$/, '')}.${skipped}`, copies };
  const n = `${copies.length} ${copies.length === 1 ? 'copy' : 'copies'}`;
  return { status: 'found', detail: `Found ${n}. Checked: ${result.checked.replace(/\.$/, '')}.${skipped}`, copies };
}

export function outcomeOfError(e: unknown): LookupOutcome {
  if (!isAppError(e)) return { status: 'error', detail: 'The lookup failed unexpectedly (see the server log).', copies: [] };
  const status = typeof e.details?.status === 'number' ? e.details.status : null;
  const http = status !== null && !e.userMessage.includes(String(status)) ? ` (HTTP ${status})` : '';
  return { status: 'error', detail: `The lookup failed: ${e.userMessage}${http}`, copies: [] };
}
