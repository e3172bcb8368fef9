/** Tags on these subjects, keyed by subjectKey, each list sorted: one query for a whole queue page. */
import { db } from '@/lib/db';

export async function tagsFor(subjectType: 'report' | 'account' | 'domain' | 'case', keys: string[]): Promise<Map<string, string[]>> {
  if (keys.length === 0) return new Map();
  const rows = await db.subjectTag.findMany({ where: { subjectType, subjectKey: { in: [...new Set(keys)] } }, select: { subjectKey: true, tag: true }, orderBy: [{ tag: 'asc' }] });
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.subjectKey, [...(out.get(r.subjectKey) ?? []), r.tag]);
  return out;
}
