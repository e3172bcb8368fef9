/**
 * The SHA-256 digests a copy's bytes are known by: its stored media's, the case's own (the item as reported),
 * and whatever the evidence manifests recorded for that copy at sealing (a copy found only by a remote lookup has
 * no media row, but sealing fetched its bytes). Any of them served again means the item is still there.
 */
import { z } from 'zod';
import { db } from '@/lib/db';

const manifestItems = z.object({
  items: z.array(z.object({ kind: z.string(), sha256: z.string().nullable(), copyIds: z.array(z.string()).optional() })).default([]),
});

export async function knownHashes(caseId: string, copies: { id: string; mediaSha256: string | null }[]): Promise<Map<string, string[]>> {
  const c = await db.case.findUnique({ where: { id: caseId }, select: { sha256: true } });
  const seals = await db.evidence.findMany({ where: { caseId }, select: { manifest: true }, orderBy: { version: 'desc' } });
  const sealed = new Map<string, Set<string>>();
  for (const s of seals) {
    const parsed = manifestItems.safeParse(s.manifest);
    if (!parsed.success) continue;
    for (const item of parsed.data.items) {
      if (item.kind !== 'file' || !item.sha256) continue;
      for (const id of item.copyIds ?? []) sealed.set(id, (sealed.get(id) ?? new Set()).add(item.sha256));
    }
  }
  const out = new Map<string, string[]>();
  for (const copy of copies) {
    const all = [copy.mediaSha256, c?.sha256 ?? null, ...(sealed.get(copy.id) ?? [])].filter((h): h is string => !!h);
    out.set(copy.id, [...new Set(all.map((h) => h.toLowerCase()))]);
  }
  return out;
}
