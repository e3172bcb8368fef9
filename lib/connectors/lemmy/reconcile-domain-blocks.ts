/**
 * domain.blocks_reconcile on Lemmy. The server's list is read first and only what differs is sent, so sending the
 * same reconcile again (an outbox retry after a crash) writes nothing new.
 * - 0.19 (v3): PUT /api/v3/site replaces the whole blocked_instances list, so the new list for ALL changes is
 *   computed from the one read, written once, then read back: each outcome is what the server now has (a domain we
 *   asked for that is missing afterwards failed: "the server did not keep it"). Entries we could not parse are
 *   written back untouched.
 * - 1.0 (v4): POST /api/v4/admin/instance/block {instance, block, reason} per domain. Blocking an instance that is
 *   already blocked fails there (an insert conflict, 400 couldnt_create: FederationBlockList::block), which the read
 *   first avoids. A per-domain refusal (4xx) is that domain's failed outcome and the others still land.
 * Lemmy has only full blocks: a target with another severity is refused per domain (the preview never sends one).
 * 401, not_an_admin, 429 and 5xx throw, so the outbox retries or reports the whole action.
 */
import { isAppError } from '../../errors';
import type { ActionResult, DomainBlockChange, DomainBlockOutcome } from '../types';
import { blockKey } from '../shared/domain-blocks';
import { V3, V4, type LemmyClient } from './client';
import { lemmyBlock, lemmyBlockDomain, readLemmyBlockList } from './list-domain-blocks';

const REASON = { block: 'Blocked by a shared blocklist (moderation dashboard)', unblock: 'Retracted by a shared blocklist (moderation dashboard)' };

interface Planned {
  change: DomainBlockChange;
  /** Normalized domain, or null when the line was refused before sending. */
  domain: string | null;
  failed?: string;
}

export async function reconcileLemmyDomainBlocks(client: LemmyClient, changes: DomainBlockChange[]): Promise<ActionResult> {
  const planned = changes.map(plan);
  const outcomes = client.api === 'v4' ? await reconcileV4(client, planned) : await reconcileV3(client, planned);
  return { ok: true, domainBlocks: outcomes };
}

function plan(change: DomainBlockChange): Planned {
  const domain = lemmyBlockDomain(change.domain);
  if (!domain) return { change, domain: null, failed: 'Not a valid domain name.' };
  if (change.target && change.target.severity !== 'suspend') {
    return { change, domain, failed: `Lemmy can only block an instance fully; it has no "${change.target.severity}".` };
  }
  return { change, domain };
}

function refused(p: Planned): DomainBlockOutcome {
  return { domain: p.domain ?? p.change.domain, ok: false, error: p.failed, block: null };
}

/** What the server has for each line after the write: ok when it matches what the line asked for. */
function outcomeFrom(p: Planned, blocked: Set<string>): DomainBlockOutcome {
  if (p.failed || !p.domain) return refused(p);
  const has = blocked.has(p.domain);
  if (p.change.target) {
    return has ? { domain: p.domain, ok: true, block: lemmyBlock(p.domain) } : { domain: p.domain, ok: false, error: 'The server did not keep it.', block: null };
  }
  return has ? { domain: p.domain, ok: false, error: 'The server still blocks it.', block: lemmyBlock(p.domain) } : { domain: p.domain, ok: true, block: null };
}

async function reconcileV3(client: LemmyClient, planned: Planned[]): Promise<DomainBlockOutcome[]> {
  const before = await readLemmyBlockList(client);
  // Lower-cased copy of every raw entry, so removals match however the server spelled the domain.
  const next = [...before.raw];
  let changed = false;
  for (const p of planned) {
    if (p.failed || !p.domain) continue;
    const present = next.some((d) => blockKey(d) === p.domain);
    if (p.change.target && !present) {
      next.push(p.domain);
      changed = true;
    } else if (!p.change.target && present) {
      for (let i = next.length - 1; i >= 0; i--) if (blockKey(next[i]) === p.domain) next.splice(i, 1);
      changed = true;
    }
  }
  if (!changed) return planned.map((p) => outcomeFrom(p, new Set(before.blocks.map((b) => b.domain))));
  try {
    await client.request('PUT', `${V3}/site`, { json: { blocked_instances: next } });
  } catch (e) {
    const refusal = domainRefusal(e);
    if (refusal === null) throw e;
    // The one write carries every line: a refusal of it is a refusal of each line that needed it.
    const was = new Set(before.blocks.map((b) => b.domain));
    return planned.map((p) => {
      const o = outcomeFrom(p, was);
      return o.ok ? o : { ...o, error: p.failed ?? refusal };
    });
  }
  const after = await readLemmyBlockList(client);
  return planned.map((p) => outcomeFrom(p, new Set(after.blocks.map((b) => b.domain))));
}

async function reconcileV4(client: LemmyClient, planned: Planned[]): Promise<DomainBlockOutcome[]> {
  const blocked = new Set((await readLemmyBlockList(client)).blocks.map((b) => b.domain));
  const outcomes: DomainBlockOutcome[] = [];
  for (const p of planned) {
    if (p.failed || !p.domain) {
      outcomes.push(refused(p));
      continue;
    }
    const block = p.change.target !== null;
    if (blocked.has(p.domain) === block) {
      outcomes.push(outcomeFrom(p, blocked));
      continue;
    }
    try {
      await client.request('POST', `${V4}/admin/instance/block`, {
        json: { instance: p.domain, block, reason: block ? REASON.block : REASON.unblock },
      });
    } catch (e) {
      const refusal = domainRefusal(e);
      if (refusal === null) throw e;
      outcomes.push({ domain: p.domain, ok: false, error: refusal, block: blocked.has(p.domain) ? lemmyBlock(p.domain) : null });
      continue;
    }
    if (block) blocked.add(p.domain);
    else blocked.delete(p.domain);
    outcomes.push(outcomeFrom(p, blocked));
  }
  return outcomes;
}

/**
 * A 4xx that refuses this write (bad input, a conflict): the server's words for the line. null for what must
 * throw: login refused or not an admin (every line would fail the same way), rate limiting, 5xx, unreachable.
 */
function domainRefusal(e: unknown): string | null {
  if (!isAppError(e)) return null;
  const status = Number(e.details?.status);
  if (!(status >= 400 && status < 500) || status === 401 || status === 429) return null;
  if (e.code === 'forbidden' || e.code === 'rate_limited') return null;
  return e.userMessage;
}
