import { z } from 'zod';

const fromImport = z.object({ source: z.literal('import'), file: z.string(), line: z.number() });
const fromMedia = z.object({ source: z.literal('media'), mediaId: z.string(), reportId: z.string().nullable().optional(), userId: z.string().nullable().optional() });

const hiddenMedia = z.object({ source: z.literal('media'), hidden: z.literal(true) });

/** Where an entry came from, as one line of plain text (rendered escaped, never as HTML). */
export function provenanceText(p: unknown): string {
  const imp = fromImport.safeParse(p);
  if (imp.success) return `import: ${imp.data.file}, line ${imp.data.line}`;
  if (hiddenMedia.safeParse(p).success) return 'media on an instance you cannot see';
  const media = fromMedia.safeParse(p);
  if (media.success) {
    const m = media.data;
    return `media ${m.mediaId}${m.reportId ? ` from report ${m.reportId}` : ''}${m.userId ? `, added by user ${m.userId}` : ''}`;
  }
  return p && typeof p === 'object' && Object.keys(p).length > 0 ? JSON.stringify(p) : '—';
}
