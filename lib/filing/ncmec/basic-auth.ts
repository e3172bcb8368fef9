/**
 * HTTP Basic for ISPWS (every open-source client in shared/instance-apis.md §9 sends the NCMEC-issued username
 * and password this way). The secrets list names every form the password could take in an echoed request, so
 * redaction catches the raw password, "user:password" and its base64 alike.
 */
import { AppError } from '@/lib/errors';

export interface BasicCredentials {
  username: string;
  password: string;
}

export function basicAuthHeader(c: BasicCredentials): string {
  // RFC 7617: a colon in the user-id would make the pair ambiguous on the server side.
  if (c.username.includes(':') || c.username === '' || c.password === '') {
    throw new AppError('bad_request', 'CyberTipline credentials are incomplete or contain a colon in the username', {
      userMessage: 'The CyberTipline username or password is missing or not valid.',
    });
  }
  return `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
}

export function credentialSecrets(c: BasicCredentials): string[] {
  const pair = `${c.username}:${c.password}`;
  const b64 = Buffer.from(pair, 'utf8').toString('base64');
  return [c.password, pair, b64, encodeURIComponent(c.password)].filter((s) => s.length >= 4);
}
