/**
 * After matching: a media item whose best bank match is at or above the auto-open setting (severity, or a listed
 * label such as csam) becomes a case by itself, so the worst material is a case before anyone has to look at it.
 * Idempotent: a media already in an open or purging case returns that case (createCase checks under its lock).
 */
import type { Actor } from '@/lib/audit/actor';
import { isAppError } from '@/lib/errors';
import { getCaseSettings } from './case-settings';
import { shouldAutoOpen } from './case-settings-schema';
import { subjectFromMedia, type CaseSubject } from './case-subject';
import { createCase } from './create-case';

const AUTO_ACTOR: Actor = { type: 'system', label: 'cases.auto' };

export async function autoOpenCaseForMedia(mediaId: string): Promise<{ caseId: string } | null> {
  let subject: CaseSubject;
  try {
    subject = await subjectFromMedia(mediaId);
  } catch (e) {
    // Deleted or not hashed: nothing to open (not an error of the caller's job).
    if (isAppError(e) && (e.code === 'not_found' || e.code === 'bad_request')) return null;
    throw e;
  }
  if (!subject.bestMatch) return null;
  const settings = await getCaseSettings();
  if (!shouldAutoOpen(settings, subject.bestMatch)) return null;
  const out = await createCase(AUTO_ACTOR, subject, { via: 'auto' });
  return { caseId: out.caseId };
}
