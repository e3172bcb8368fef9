/** HTTP Basic on every /ispws endpoint, compared in constant time so the fake never models a timing leak. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FakeNcmecState } from './state';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function isAuthorized(state: FakeNcmecState, req: IncomingMessage): boolean {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  // Hash both sides first: timingSafeEqual needs equal lengths, and the hash hides the real length.
  const userOk = timingSafeEqual(digest(decoded.slice(0, colon)), digest(state.username));
  const passOk = timingSafeEqual(digest(decoded.slice(colon + 1)), digest(state.password));
  return userOk && passOk;
}
