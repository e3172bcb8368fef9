/**
 * What applying the merged list would change on each instance the actor may see, line by line with the sources
 * behind it. The digest covers every sendable line (before the per-instance display cut), so apply can tell that
 * the preview a moderator reviewed is still what would be sent.
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { canApplyBlocklists } from './federation-access';
import { instanceDiffs } from './instance-diffs';
import { loadMerged } from './load-merged';
import { previewDigest } from './preview-digest';
import type { PreviewView } from './types';

const LINES_SHOWN = 500;
const EXCLUDED_SHOWN = 500;

const input = z.object({ instanceIds: z.array(z.uuid()).max(500).optional() }).strict();

export async function getPreview({ ctx, input: raw }: { ctx: Ctx; input?: { instanceIds?: string[] } }): Promise<PreviewView> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'forbidden: blocklists.preview');
  const parsed = input.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError('bad_request', 'preview: invalid input', { userMessage: parsed.error.issues[0]?.message ?? 'The request was not valid.' });
  const { policy, sources, merged } = await loadMerged();
  const diffs = await instanceDiffs(ctx.actor, merged.blocks, parsed.data.instanceIds);
  const counts = { total: merged.blocks.size, suspend: 0, silence: 0, noop: 0 };
  for (const b of merged.blocks.values()) counts[b.severity]++;
  return {
    generatedAt: new Date().toISOString(),
    digest: previewDigest(diffs),
    policy,
    merged: counts,
    excluded: merged.excluded.slice(0, EXCLUDED_SHOWN),
    excludedCount: merged.excluded.length,
    sources,
    instances: diffs.map((d) => ({ ...d, lines: d.lines.slice(0, LINES_SHOWN), truncated: d.lines.length > LINES_SHOWN })),
    canApply: await canApplyBlocklists(ctx.actor),
  };
}
