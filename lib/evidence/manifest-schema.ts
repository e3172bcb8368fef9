/**
 * The stored manifest, parsed: the Evidence.manifest column is outside data as far as the code is concerned (a
 * superuser can change it), so it is checked with zod before any of its items are trusted. Hashing never uses the
 * parsed value: the hash is over the stored JSON itself.
 */
import { z } from 'zod';
import type { EvidenceManifest, ManifestItem } from './types';

const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestItemSchema = z.object({
  n: z.number().int().min(0),
  path: z.string().min(1).max(300).regex(/^[A-Za-z0-9._\-/]+$/).refine((p) => !p.split('/').some((s) => s === '' || s === '.' || s === '..'), 'bad path'),
  kind: z.enum(['file', 'json', 'missing']),
  mime: z.string().nullable(),
  sha256: sha.nullable(),
  bytes: z.number().int().min(0),
  source: z.string(),
  copyIds: z.array(z.string()).optional(),
  note: z.string().optional(),
}) satisfies z.ZodType<ManifestItem>;

export const manifestSchema = z.object({
  format: z.literal('fedimod-evidence/1'),
  evidenceId: z.string(),
  case: z.object({ id: z.string(), number: z.number().int(), title: z.string() }),
  version: z.number().int().min(1),
  sealedAt: z.string(),
  sealedBy: z.string(),
  reason: z.string(),
  hashes: z.object({ sha256: z.string().nullable(), md5: z.string().nullable(), pdq: z.string().nullable() }),
  originUri: z.string().nullable(),
  copyIds: z.array(z.string()),
  items: z.array(manifestItemSchema),
}) satisfies z.ZodType<EvidenceManifest>;

export function parseManifest(value: unknown): EvidenceManifest | null {
  const parsed = manifestSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
