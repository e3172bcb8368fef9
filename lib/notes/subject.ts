/**
 * The things the team writes about: a report or case (ours, by id), or a remote account or domain (by its
 * lower-case handle or domain, the same key on every instance). One place normalizes the key and checks that the
 * actor may see the subject, so notes, tags and escalations agree on both.
 */
import { z } from 'zod';
import type { Tx } from '@/lib/db';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { parseDomain, parseHandle } from '@/lib/actors/handle';
import { caseInstanceIds, canSeeCase } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';

export const SUBJECT_TYPES = ['report', 'case', 'account', 'domain'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const subjectTypeSchema = z.enum(SUBJECT_TYPES, { message: 'Choose report, case, account or domain.' });

const uuid = z.uuid();

/** The stored key for a subject; throws a 400 with words when it is not one. */
export function normalizeSubjectKey(type: SubjectType, raw: string): string {
  if (type === 'account') return parseHandle(raw).handle;
  if (type === 'domain') return parseDomain(raw);
  const id = uuid.safeParse(raw.trim().toLowerCase());
  if (!id.success) throw new AppError('bad_request', `bad ${type} id`, { userMessage: `That is not a ${type} id.` });
  return id.data;
}

/**
 * The instances whose visibility decides who sees this subject: null means every signed-in member of staff
 * (accounts and domains are about a remote actor, not one instance's data). Throws not_found for a missing
 * report or case.
 */
export async function subjectInstanceIds(tx: Tx | typeof db, type: SubjectType, key: string): Promise<string[] | null> {
  if (type === 'report') {
    const r = await tx.report.findUnique({ where: { id: key }, select: { instanceId: true } });
    if (!r) throw new AppError('not_found', `report ${key} not found`, { userMessage: 'That report does not exist.' });
    return [r.instanceId];
  }
  if (type === 'case') {
    const c = await tx.case.findUnique({ where: { id: key }, select: { id: true } });
    if (!c) throw new AppError('not_found', `case ${key} not found`, { userMessage: 'That case does not exist.' });
    return caseInstanceIds(tx, key);
  }
  return null;
}

export function canSeeSubject(actor: Actor, instanceIds: string[] | null): boolean {
  return instanceIds === null || canSeeCase(actor, instanceIds);
}

/** Invisible reads as absent, like everywhere else (a limited moderator never learns another instance's ids). */
export async function assertSubjectVisible(tx: Tx | typeof db, actor: Actor, type: SubjectType, key: string): Promise<string[] | null> {
  const ids = await subjectInstanceIds(tx, type, key);
  if (!canSeeSubject(actor, ids)) throw new AppError('not_found', `${type} ${key} not visible`, { userMessage: `That ${type} does not exist.` });
  return ids;
}

/** Where the subject lives in the dashboard (the inbox links there). */
export function subjectHref(type: string, key: string): string {
  switch (type) {
    case 'report': return `/reports/${key}`;
    case 'case': return `/cases/${key}`;
    case 'account': return `/accounts/${encodeURIComponent(key)}`;
    case 'domain': return `/domains/${encodeURIComponent(key)}`;
    default: return '/';
  }
}
