/**
 * "Read blocks from servers now": moderators and up re-read the domain blocks of the chosen (or every visible)
 * instance, so the preview is against what the servers have this minute. One instance failing does not stop the
 * others; each says how it went.
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { capabilitiesFor } from '@/lib/connectors/registry';
import { AppError } from '@/lib/errors';
import { failureText } from '@/lib/actions/is-retryable';
import { visibleInstances } from '@/lib/actors/visible-instances';
import { syncInstanceBlocks } from './sync-instance-blocks';

const input = z.object({ instanceIds: z.array(z.uuid()).max(500).optional() }).strict();

export interface BlocksSyncRow {
  instanceId: string;
  name: string;
  ok: boolean;
  count: number;
  added: number;
  removed: number;
  error: string | null;
}

export async function requestBlocksSync({ ctx, input: raw }: { ctx: Ctx; input: { instanceIds?: string[] } }): Promise<{ results: BlocksSyncRow[] }> {
  if (!hasRole(ctx.actor, 'moderator')) throw new AppError('forbidden', 'forbidden: blocklists.blocks_sync');
  const parsed = input.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError('bad_request', 'blocks sync: invalid input', { userMessage: parsed.error.issues[0]?.message ?? 'The request was not valid.' });
  let instances = (await visibleInstances(ctx.actor)).filter((i) => capabilitiesFor(i.kind).blocklist);
  if (parsed.data.instanceIds) {
    const chosen = new Set(parsed.data.instanceIds);
    instances = instances.filter((i) => chosen.has(i.id));
  }
  const results = await Promise.all(instances.map(async (i): Promise<BlocksSyncRow> => {
    try {
      const r = await syncInstanceBlocks(i.id);
      return { instanceId: i.id, name: i.name, ok: true, ...r, error: null };
    } catch (e) {
      return { instanceId: i.id, name: i.name, ok: false, count: 0, added: 0, removed: 0, error: failureText(e) };
    }
  }));
  return { results };
}
