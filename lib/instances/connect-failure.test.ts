/**
 * Issue 12 point 5: connecting an instance names the real cause. Constructed errors, shaped as lib/net/safe-fetch.ts
 * and resolve-target.ts throw them, map to one cause each, with the host; other AppErrors pass through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { connectFailure, notDetected, verifyFailed } from './connect-failure';
import { tokenTooShortMessage } from './token-rules';

const owner = { baseUrl: 'https://social.example:8443', allowPrivate: false, canAllowPrivate: true };
const errno = (code: string) => new AppError('remote_unreachable', 'safeFetch: request to social.example failed', { details: { host: 'social.example', errno: code }, cause: Object.assign(new Error(code), { code }) });
const mapped = (e: unknown, c = owner) => connectFailure(e, c) as AppError;

describe('the cause of a failed connection', () => {
  it('names DNS failures, refused and reset connections, timeouts and missing routes, with the host', () => {
    const dns = new AppError('remote_unreachable', 'safeFetch: could not resolve social.example', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
    expect(mapped(dns)).toMatchObject({ code: 'remote_unreachable', publicData: { cause: 'dns', host: 'social.example:8443' } });
    expect(mapped(dns).userMessage).toBe('The host name social.example could not be found: no such name in DNS. Check the spelling of the URL.');
    expect(mapped(errno('EAI_AGAIN')).userMessage).toMatch(/for now \(EAI_AGAIN\)/);
    expect(mapped(errno('ECONNREFUSED')).userMessage).toBe('social.example:8443 refused the connection: nothing is listening there. Check the port and that the server is running.');
    expect(mapped(errno('ECONNRESET')).publicData).toMatchObject({ cause: 'connection_reset' });
    expect(mapped(errno('EHOSTUNREACH')).userMessage).toContain('no network route to social.example:8443');
    const timeout = new AppError('remote_unreachable', 'safeFetch: timed out after 20000 ms', { details: { reason: 'timeout', host: 'social.example' } });
    expect(mapped(timeout)).toMatchObject({ publicData: { cause: 'timeout' }, userMessage: expect.stringMatching(/^social\.example:8443 did not answer in time/) });
    expect(mapped(errno('EWHATEVER')).userMessage).toBe('social.example:8443 could not be reached (EWHATEVER).');
  });

  it('names TLS failures in words, and unknown TLS codes by their code', () => {
    expect(mapped(errno('CERT_HAS_EXPIRED')).userMessage).toBe('The secure (TLS) connection to social.example:8443 failed: its certificate has expired (CERT_HAS_EXPIRED).');
    expect(mapped(errno('DEPTH_ZERO_SELF_SIGNED_CERT')).userMessage).toContain('self-signed');
    expect(mapped(errno('ERR_TLS_CERT_ALTNAME_INVALID')).userMessage).toContain('another host name');
    expect(mapped(errno('ERR_SSL_WRONG_VERSION_NUMBER')).userMessage).toContain('plain http://');
    expect(mapped(errno('ERR_SSL_SOMETHING_NEW'))).toMatchObject({ publicData: { cause: 'tls', errno: 'ERR_SSL_SOMETHING_NEW' } });
  });

  it('says a private address is private, and tells only an owner to tick "local test host"', () => {
    const local = { baseUrl: 'http://127.0.0.1:3001', allowPrivate: false, canAllowPrivate: true };
    const refused = new AppError('ssrf_blocked', 'safeFetch: 127.0.0.1 resolves to a forbidden address', { details: { host: '127.0.0.1' } });
    expect(mapped(refused, local)).toMatchObject({ code: 'ssrf_blocked', publicData: { cause: 'private_address', host: '127.0.0.1' } });
    expect(mapped(refused, local).userMessage).toMatch(/^127\.0\.0\.1 is a private address .* Tick "local test host" if it is yours\.$/);
    expect(mapped(refused, { ...local, canAllowPrivate: false }).userMessage).toMatch(/Only an owner can connect a local test host/);
    expect(mapped(refused, { ...local, canAllowPrivate: false }).userMessage).not.toMatch(/Tick/);
    // Ticked already, or another host (a redirect): the box would not help, so it is not offered.
    expect(mapped(refused, { ...local, allowPrivate: true }).userMessage).toMatch(/Only the instance's own URL/);
    const ipv6 = new AppError('ssrf_blocked', 'x', { details: { host: '::1' } });
    expect(mapped(ipv6, { ...local, baseUrl: 'http://[::1]:3001' }).userMessage).toMatch(/Tick "local test host"/);
    const named = new AppError('ssrf_blocked', 'x', { details: { host: 'intranet.example' } });
    expect(mapped(named, { ...local, baseUrl: 'https://intranet.example' }).userMessage).toMatch(/^intranet\.example resolves to a private address/);
    expect(mapped(new AppError('ssrf_blocked', 'safeFetch: scheme ftp: is not allowed'), local).publicData).toMatchObject({ cause: 'refused_redirect' });
  });

  it('passes other errors through: a 401 with the server text, a rate limit, a non-AppError', () => {
    const denied = new AppError('forbidden', 'Mastodon verify failed with 401', { userMessage: 'The instance rejected the token: The access token is invalid.' });
    expect(connectFailure(denied, owner)).toBe(denied);
    const plain = new Error('boom');
    expect(connectFailure(plain, owner)).toBe(plain);
  });
});

describe('software not detected', () => {
  it("quotes what each URL answered, the server's own error text included", () => {
    const e = notDetected({ kind: null, name: null, version: null, source: 'none', answers: [
      { path: '/.well-known/nodeinfo', status: 404, text: '' },
      { path: '/api/v1/instance', status: 401, text: 'This method requires an authenticated user' },
    ] }, 'social.example');
    expect(e.userMessage).toBe('Could not tell which server software social.example runs: /.well-known/nodeinfo answered HTTP 404; /api/v1/instance answered HTTP 401: "This method requires an authenticated user". Choose the software by hand.');
    expect(e.publicData).toMatchObject({ cause: 'not_detected' });
  });

  it('calls a server that fails every request a failing server, and names unsupported software', () => {
    const down = notDetected({ kind: null, name: null, version: null, source: 'none', answers: [{ path: '/.well-known/nodeinfo', status: 503, text: '' }, { path: '/api/v1/instance', status: 502, text: '' }] }, 'x.example');
    expect(down).toMatchObject({ code: 'remote_error', publicData: { cause: 'http_status' }, userMessage: expect.stringMatching(/HTTP 503.*HTTP 502.*The server is failing/) });
    const other = notDetected({ kind: null, name: 'pixelfed', version: '0.12', source: 'nodeinfo' }, 'x.example');
    expect(other).toMatchObject({ code: 'unsupported', userMessage: expect.stringContaining('says it runs "pixelfed"') });
  });
});

describe('a token that cannot read reports', () => {
  it('leads with the first failed check, in the server words, capped', () => {
    const e = verifyFailed({ ok: false, account: null, instance: null, checks: [
      { name: 'webhooks', ok: false, detail: 'optional', optional: true },
      { name: 'verify_credentials', ok: false, detail: '401 The access token is invalid' },
      { name: 'admin:read:reports', ok: false, detail: '401 The access token is invalid' },
    ] });
    expect(e.userMessage).toBe('The token cannot read reports on this instance (verify_credentials: 401 The access token is invalid). See the checks below.');
    const long = verifyFailed({ ok: false, account: null, instance: null, checks: [{ name: 'x', ok: false, detail: `422 ${'a'.repeat(1000)}\u0007` }] });
    expect(long.userMessage.length).toBeLessThan(400);
    expect(long.userMessage).not.toContain('\u0007');
  });

  it('says a short token is short before calling anything', () => {
    expect(tokenTooShortMessage('abc')).toBe('The access token is only 3 characters long, too short to be a real one. Paste the whole token.');
    expect(tokenTooShortMessage('   ')).toMatch(/empty/);
    expect(tokenTooShortMessage('a-real-token-0123456789')).toBeNull();
  });
});
