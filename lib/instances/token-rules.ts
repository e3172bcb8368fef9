/**
 * A token too short to be real is said before any request goes out (in the form and in addInstance): a truncated
 * paste is the commonest reason a check fails, and the server's "invalid token" would not say it was cut off.
 * Pure, so the connect form can use it in the browser.
 */
/** Shorter than any access token a supported server issues (Mastodon's are 43 characters). */
export const MIN_TOKEN_LENGTH = 8;

export function tokenTooShortMessage(token: string): string | null {
  if (token.trim().length >= MIN_TOKEN_LENGTH) return null;
  return token.trim() === ''
    ? 'The access token is empty. Paste the whole token.'
    : `The access token is only ${token.trim().length} characters long, too short to be a real one. Paste the whole token.`;
}
