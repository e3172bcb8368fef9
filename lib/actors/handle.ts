/**
 * One remote account across instances is recognised by its handle `user@domain`: the username with the account's
 * home domain, or the instance's own domain for a local account (the admin APIs give `acct` without a domain for
 * those). Lower case, so `Alice@Example.social` on one server and `alice@example.social` on another are one person.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(:\d{1,5})?$/;
const USER = /^[a-z0-9_.~-]{1,128}$/;

export function accountHandle(username: string, domain: string | null, instanceDomain: string): string {
  return `${username}@${domain ?? instanceDomain}`.toLowerCase();
}

/** `@alice@example.social`, `alice@example.social` or a URL-decoded path segment → `{ username, domain, handle }`. */
export function parseHandle(raw: string): { username: string; domain: string; handle: string } {
  const s = raw.trim().replace(/^@/, '').toLowerCase();
  const at = s.lastIndexOf('@');
  const username = at > 0 ? s.slice(0, at) : '';
  const domain = at > 0 ? s.slice(at + 1) : '';
  if (!USER.test(username) || !DOMAIN.test(domain)) {
    throw new AppError('bad_request', 'not an account handle', { userMessage: 'Give the account as user@domain.' });
  }
  return { username, domain, handle: `${username}@${domain}` };
}

export function parseDomain(raw: string): string {
  const d = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!DOMAIN.test(d)) throw new AppError('bad_request', 'not a domain', { userMessage: 'Give a domain name such as example.social.' });
  return d;
}

export const handleSchema = z.string().max(400).transform((s, ctx) => {
  try { return parseHandle(s).handle; } catch { ctx.addIssue({ code: 'custom', message: 'Give the account as user@domain.' }); return z.NEVER; }
});

/**
 * A route or page segment as the handle or domain was put in the URL (encodeURIComponent). Depending on the
 * router layer it arrives decoded or still encoded; decoding twice would be harmless here, but a malformed escape
 * must read as bad input, not crash.
 */
export function decodeSegment(raw: string): string {
  if (!raw.includes('%')) return raw;
  try { return decodeURIComponent(raw); } catch {
    throw new AppError('bad_request', 'malformed URL segment', { userMessage: 'The address was not valid.' });
  }
}
