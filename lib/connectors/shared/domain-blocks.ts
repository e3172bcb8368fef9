/**
 * Domain blocks as every connector reads and reconciles them: how a domain is keyed, which failed call is a refusal
 * of that one domain (recorded on its outcome while the rest of the reconcile carries on) and which must fail the
 * whole action so the outbox retries it or a person fixes the token, and the per-domain reconcile loop of the
 * servers that take one call per domain (Mastodon, GoToSocial, PeerTube).
 */
import { domainToASCII } from 'node:url';
import { isAppError } from '../../errors';
import type { ActionResult, DomainBlockChange, DomainBlockOutcome, DomainBlockTarget, RemoteDomainBlock } from '../types';

/** A 4xx about this domain: the server's words for the outcome. Null: rethrow (auth, rate limit, 5xx, unreachable). */
export function refusalText(e: unknown): string | null {
  if (!isAppError(e)) return null;
  const status = (e.details as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  // The token or its role, not the domain: every other line would fail the same way.
  if (status === 401 || status === 403 || status === 429) return null;
  const remote = (e.details as { remoteError?: unknown }).remoteError;
  return (typeof remote === 'string' && remote) || e.userMessage || `HTTP ${status}`;
}

/** Runs one domain's calls, turning a refusal into a failed outcome and letting anything else escape. */
export async function outcomeOf(domain: string, run: () => Promise<RemoteDomainBlock | null>): Promise<DomainBlockOutcome> {
  try {
    return { domain, ok: true, block: await run() };
  } catch (e) {
    const error = refusalText(e);
    if (error === null) throw e;
    return { domain, ok: false, error: error.slice(0, 500), block: null };
  }
}

/** Lower-case, no trailing dot: how lib/blocklists keys domains. */
export function blockKey(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * A listed domain as lib/blocklists keys it (lower-case ASCII, punycode for IDN), or null when it is not a host name
 * at all (a hostile or broken server): such an entry is skipped rather than mirrored.
 */
export function listedDomain(raw: string): string | null {
  const key = blockKey(raw);
  const ascii = /^[\x00-\x7f]*$/.test(key) ? key : domainToASCII(key);
  return ascii && ascii.length <= 253 && /^[a-z0-9_*-]+(\.[a-z0-9_*-]+)*(:\d{1,5})?$/.test(ascii) ? ascii : null;
}

/**
 * One call (or none) per domain against the list read once before: `one` gets the keyed domain, its target and the
 * block the server has now, and returns the block as the server has it after (null: none). One at a time: rate
 * limits are per token, and order keeps outcomes readable. Nothing already right is sent, so a retry converges.
 */
export async function reconcileEach(
  current: RemoteDomainBlock[],
  changes: DomainBlockChange[],
  one: (domain: string, target: DomainBlockTarget | null, existing: RemoteDomainBlock | undefined) => Promise<RemoteDomainBlock | null>,
): Promise<ActionResult> {
  const byDomain = new Map(current.map((b) => [b.domain, b]));
  const outcomes: DomainBlockOutcome[] = [];
  for (const change of changes) {
    const domain = blockKey(change.domain);
    outcomes.push(await outcomeOf(change.domain, () => one(domain, change.target, byDomain.get(domain))));
  }
  return { ok: true, remoteRef: null, domainBlocks: outcomes };
}
