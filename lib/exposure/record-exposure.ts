/**
 * Writes one ExposureEvent: what a person was shown, never the content. Called inside the transaction of the act
 * it records (the media.reveal or evidence.viewed audit event), or with `db` for a case page view.
 * Not an audit event: these are counts for the person and their lead, kept apart from the tamper-evident log.
 */
import crypto from 'node:crypto';
import type { Tx } from '@/lib/db';
import type { ExposureKind } from '@/lib/generated/prisma/enums';

export interface ExposureInput {
  userId: string;
  kind: ExposureKind;
  severity: number;
  label: string | null;
  mediaId?: string | null;
  caseId?: string | null;
  evidenceId?: string | null;
  instanceId?: string | null;
}

export async function recordExposure(client: Tx, input: ExposureInput, id: string = crypto.randomUUID()): Promise<string> {
  await client.exposureEvent.create({ data: { id, ...input } });
  return id;
}

/**
 * A reveal, keyed by the uuid the browser made for it (the end beacon names the same id). A reload of one reveal
 * sends the same id again: the same user and media is the same exposure, so nothing is added. An id someone else
 * (or another media item) already used is not trusted: the reveal gets a fresh id. Returns the id recorded under.
 */
export async function recordReveal(client: Tx, input: Omit<ExposureInput, 'kind'> & { mediaId: string }, revealId?: string): Promise<string> {
  if (!revealId) return recordExposure(client, { ...input, kind: 'reveal' });
  const created = await client.exposureEvent.createMany({ data: [{ id: revealId, kind: 'reveal', ...input }], skipDuplicates: true });
  if (created.count === 1) return revealId;
  const seen = await client.exposureEvent.findUnique({ where: { id: revealId }, select: { userId: true, mediaId: true, kind: true } });
  if (seen && seen.userId === input.userId && seen.mediaId === input.mediaId && seen.kind === 'reveal') return revealId;
  return recordExposure(client, { ...input, kind: 'reveal' });
}

