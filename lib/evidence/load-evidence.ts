/** One seal for a verb: invisible cases read as absent (a limited moderator learns nothing about others' cases). */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { canSeeCase, caseInstanceIds } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { parseManifest } from './manifest-schema';

export async function loadVisibleEvidence(actor: Actor, evidenceId: string) {
  const id = z.uuid().safeParse(evidenceId);
  const row = id.success ? await db.evidence.findUnique({ where: { id: id.data } }) : null;
  if (!row || !canSeeCase(actor, await caseInstanceIds(db, row.caseId))) throw new AppError('not_found', `evidence ${evidenceId} not found`, { userMessage: 'No such evidence.' });
  return row;
}

/** The manifest as the verbs use it; a manifest that no longer parses is refused, never guessed at. */
export function manifestOf(row: { id: string; manifest: unknown }) {
  const manifest = parseManifest(row.manifest);
  if (!manifest) throw new AppError('internal', `evidence ${row.id}: stored manifest does not parse`, { userMessage: 'This seal’s manifest is damaged: run `evidence verify`.' });
  return manifest;
}

export function assertNotDestroyed(row: { id: string; destroyedAt: Date | null }): void {
  if (row.destroyedAt) throw new AppError('conflict', `evidence ${row.id} destroyed`, { userMessage: `This seal was destroyed at the end of its retention (${row.destroyedAt.toISOString()}); only its hashes remain.` });
}
