/**
 * PeerTube keeps one free-text moderation comment per abuse, and PUT /abuses/{id} replaces it. So every write from
 * here appends to what is there, and a note another moderator left in PeerTube's own UI is never lost. Pure: no I/O.
 *
 * Limits: 2 to 3000 characters (OpenAPI PUT /api/v1/abuses/{abuseId} moderationComment minLength/maxLength;
 * CONSTRAINTS_FIELDS.ABUSES.MODERATION_COMMENT on the server). Too long is refused, never truncated.
 */
import { AppError } from '../../errors';

export const MODERATION_COMMENT_MIN = 2;
export const MODERATION_COMMENT_MAX = 3000;
export const NOTE_SEPARATOR = '\n\n';

/** Characters as PeerTube counts them: its varchar column counts code points, not UTF-16 units (an emoji is one). */
export function charCount(s: string): number {
  return Array.from(s).length;
}

/**
 * The comment to send: the addition alone on an empty comment, else existing + blank line + addition. Returns null
 * when the comment already ends with the addition: the action queue retries an action whose write may have landed,
 * and appending the same text twice would only add noise.
 */
export function appendToComment(existing: string | null | undefined, addition: string): string | null {
  const current = existing ?? '';
  if (current.trim() === '') return checked(addition, 0);
  if (current === addition || current.endsWith(NOTE_SEPARATOR + addition)) return null;
  return checked(current + NOTE_SEPARATOR + addition, charCount(current));
}

function checked(next: string, existingChars: number): string {
  const total = charCount(next);
  if (total > MODERATION_COMMENT_MAX) {
    const already = existingChars > 0 ? ` It already holds ${existingChars} characters; with this text it would hold ${total}.` : ` This text has ${total}.`;
    throw new AppError('bad_request', `PeerTube moderation comment would exceed ${MODERATION_COMMENT_MAX} characters`, {
      userMessage:
        `PeerTube keeps one moderation comment per report, at most ${MODERATION_COMMENT_MAX} characters.${already} ` +
        'Shorten the text, or tidy up the comment in PeerTube first. Nothing was changed.',
      details: { existingChars, total, max: MODERATION_COMMENT_MAX },
    });
  }
  if (total < MODERATION_COMMENT_MIN) {
    throw new AppError('bad_request', 'PeerTube moderation comment too short', {
      userMessage: `PeerTube needs a moderation comment of at least ${MODERATION_COMMENT_MIN} characters. Nothing was changed.`,
    });
  }
  return next;
}
