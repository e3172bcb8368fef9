/** Mirrors lib/auth/password.ts limits for instant feedback; the server checks again. */
export const MIN_PASSWORD = 12;

export function passwordProblem(password: string, confirm: string): string | null {
  if (password.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters.`;
  if (password !== confirm) return 'The two passwords do not match.';
  return null;
}
