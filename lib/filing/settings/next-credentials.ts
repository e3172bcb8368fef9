/**
 * What the credentials become on a settings save. Empty fields keep what is stored, one at a time (rotating the
 * password does not need the username typed again), but only at the same address: the sealed value is bound to the
 * base URL, and credentials meant for one service must not silently follow a changed URL to another.
 */
import { AppError } from '@/lib/errors';
import { openNcmecCredentials, sealNcmecCredentials } from './ncmec-credentials';

const bad = (userMessage: string) => new AppError('bad_request', 'ncmec settings: credentials needed', { userMessage });

export async function nextCredentials(input: {
  before: { baseUrl: string; credentialsSealed: string | null; credentialsUpdatedAt: string | null };
  baseUrl: string;
  username?: string;
  password?: string;
  now: Date;
}): Promise<{ credentialsSealed: string | null; credentialsUpdatedAt: string | null; changed: boolean }> {
  const { before, baseUrl } = input;
  const username = input.username || undefined;
  const password = input.password || undefined;
  const urlChanged = baseUrl !== before.baseUrl;
  if (!username && !password) {
    if (before.credentialsSealed && urlChanged) throw bad('Enter the username and password again for the new address');
    return { credentialsSealed: before.credentialsSealed, credentialsUpdatedAt: before.credentialsUpdatedAt, changed: false };
  }
  let stored = null;
  if (!urlChanged && before.credentialsSealed && (!username || !password)) {
    stored = await openNcmecCredentials(before.credentialsSealed, before.baseUrl);
    if (!stored) throw bad('The stored credentials cannot be read: enter both the username and the password again.');
  }
  const next = { username: username ?? stored?.username, password: password ?? stored?.password };
  if (!next.username || !next.password) {
    throw bad(urlChanged && before.credentialsSealed ? 'Enter the username and password again for the new address' : 'Enter both the username and the password.');
  }
  const sealed = await sealNcmecCredentials({ username: next.username, password: next.password }, baseUrl);
  return { credentialsSealed: sealed, credentialsUpdatedAt: input.now.toISOString(), changed: true };
}
