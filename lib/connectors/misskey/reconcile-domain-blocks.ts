/**
 * domain.blocks_reconcile on Misskey. admin/update-meta replaces blockedHosts and silencedHosts whole, so the lists
 * are read once (admin/meta), the new lists are computed for ALL changes, written in ONE call, then read back: each
 * outcome is what the server now has (a host we asked for that is missing afterwards failed: "the server did not
 * keep it"). Nothing is written when nothing differs, so a retry after a crash converges instead of repeating.
 * Entries this connector cannot read are written back untouched.
 * Severities: suspend → blockedHosts, silence → silencedHosts (moving a host between them is an update); Misskey has
 * no 'noop' and no flags. update-meta drops a silenced host that is also in the blockedHosts it is given
 * (update-meta.ts), so a host is only ever put in one list.
 * A moderator editing the lists in Misskey's control panel between the read and the write loses that edit: Misskey
 * has no compare-and-set for meta. Permission and role refusals, 429 and 5xx throw for the outbox.
 */
import { isAppError } from '../../errors';
import type { ActionResult, DomainBlockChange, DomainBlockOutcome, RemoteDomainBlock } from '../types';
import type { MisskeyClient } from './client';
import { misskeyHost, readMisskeyHostLists } from './list-domain-blocks';

interface Planned {
  change: DomainBlockChange;
  host: string | null;
  failed?: string;
}

export async function reconcileMisskeyDomainBlocks(client: MisskeyClient, changes: DomainBlockChange[]): Promise<ActionResult> {
  const planned = changes.map(plan);
  const before = await readMisskeyHostLists(client);
  const blocked = [...before.raw.blockedHosts];
  const silenced = [...before.raw.silencedHosts];
  const without = (list: unknown[], host: string) => {
    const kept = list.filter((h) => misskeyHost(h) !== host);
    const removed = kept.length !== list.length;
    list.splice(0, list.length, ...kept);
    return removed;
  };
  let changed = false;
  for (const p of planned) {
    if (p.failed || !p.host) continue;
    const severity = p.change.target?.severity ?? null;
    const inBlocked = blocked.some((h) => misskeyHost(h) === p.host);
    const inSilenced = silenced.some((h) => misskeyHost(h) === p.host);
    if (severity === 'suspend') {
      if (!inBlocked) blocked.push(p.host);
      changed = without(silenced, p.host) || changed || !inBlocked;
    } else if (severity === 'silence') {
      if (!inSilenced) silenced.push(p.host);
      changed = without(blocked, p.host) || changed || !inSilenced;
    } else {
      changed = without(blocked, p.host) || changed;
      changed = without(silenced, p.host) || changed;
    }
  }
  if (!changed) return { ok: true, domainBlocks: planned.map((p) => outcomeFrom(p, before.blocks)) };
  try {
    await client.call('admin/update-meta', { blockedHosts: blocked, silencedHosts: silenced });
  } catch (e) {
    const refusal = writeRefusal(e);
    if (refusal === null) throw e;
    // The one write carries every line: its refusal is the refusal of each line that needed it.
    return { ok: true, domainBlocks: planned.map((p) => {
      const o = outcomeFrom(p, before.blocks);
      return o.ok ? o : { ...o, error: p.failed ?? refusal };
    }) };
  }
  const after = await readMisskeyHostLists(client);
  return { ok: true, domainBlocks: planned.map((p) => outcomeFrom(p, after.blocks)) };
}

function plan(change: DomainBlockChange): Planned {
  const host = misskeyHost(change.domain);
  if (!host) return { change, host: null, failed: 'Not a valid host name.' };
  if (change.target && change.target.severity !== 'suspend' && change.target.severity !== 'silence') {
    return { change, host, failed: `Misskey can block or silence a host; it has no "${change.target.severity}".` };
  }
  return { change, host };
}

function outcomeFrom(p: Planned, blocks: RemoteDomainBlock[]): DomainBlockOutcome {
  const domain = p.host ?? p.change.domain;
  const now = p.host ? blocks.find((b) => b.domain === p.host) ?? null : null;
  if (p.failed || !p.host) return { domain, ok: false, error: p.failed, block: now };
  const want = p.change.target?.severity ?? null;
  if (want === null) return now ? { domain, ok: false, error: 'The server still blocks it.', block: now } : { domain, ok: true, block: null };
  if (!now) return { domain, ok: false, error: 'The server did not keep it.', block: null };
  if (now.severity !== want) return { domain, ok: false, error: `The server kept it as ${now.severity}, not ${want}.`, block: now };
  return { domain, ok: true, block: now };
}

/** A 400 refusing the write's input (INVALID_PARAM): every line's error. Anything else throws. */
function writeRefusal(e: unknown): string | null {
  if (!isAppError(e)) return null;
  const status = Number(e.details?.status);
  if (status !== 400 || e.code === 'forbidden' || e.code === 'rate_limited') return null;
  return e.userMessage;
}
