/**
 * Why connecting an instance failed, in words an admin can act on. Pure: takes the errors the safe fetch and the
 * connectors throw (lib/net/safe-fetch.ts keeps the host, the errno and the underlying error) and what detection
 * saw, and returns an AppError whose userMessage names the cause: which host, and whether DNS, the connection,
 * TLS, the address policy, an HTTP status or the server's own error text was in the way. Never the token.
 */
import net from 'node:net';
import { AppError, isAppError } from '@/lib/errors';
import type { DetectAnswer, DetectedSoftware } from '@/lib/connectors/detect/detect-software';
import { clean } from '@/lib/connectors/shared/remote-text';
import type { VerifyResult } from '@/lib/connectors/types';

export interface FailureContext {
  /** The normalized base URL being connected. */
  baseUrl: string;
  /** The actor may mark a local test host (owners); only they are told to tick the box. */
  canAllowPrivate: boolean;
  /** The box was ticked already. */
  allowPrivate: boolean;
}

function errnoOf(e: AppError): string | null {
  const fromDetails = typeof e.details?.errno === 'string' ? e.details.errno : null;
  const cause = e.cause as { code?: unknown } | undefined;
  return fromDetails ?? (typeof cause?.code === 'string' ? cause.code : null);
}

const TLS_WORDS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate chain is incomplete or from an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is from an unknown authority',
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak HTTPS on this port (is it plain http://?)',
  EPROTO: 'the TLS handshake failed (is it plain http:// on this port?)',
};

function isTlsCode(code: string): boolean {
  return code in TLS_WORDS || /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_)/.test(code);
}

/**
 * A fetch failure as its cause. AppErrors that are not about reaching the host (a connector's 401 with the
 * server's text, a rate limit) pass through unchanged: their userMessage already says what the server said.
 */
export function connectFailure(e: unknown, c: FailureContext): unknown {
  if (!isAppError(e)) return e;
  const url = new URL(c.baseUrl);
  const host = url.host;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (e.code === 'ssrf_blocked' && typeof e.details?.host !== 'string') {
    // Refused by scheme (a redirect to something that is not http or https), not by address.
    return new AppError('ssrf_blocked', e.message, { cause: e, userMessage: `${host} redirected to an address this dashboard does not fetch.`, publicData: { cause: 'refused_redirect', host } });
  }
  if (e.code === 'ssrf_blocked') {
    const where = String(e.details?.host);
    const redirected = c.allowPrivate || where !== hostname;
    const tail = redirected
      ? 'Only the instance\'s own URL can be a local test host; redirects and other hosts stay under the normal policy.'
      : c.canAllowPrivate
        ? 'Tick "local test host" if it is yours.'
        : 'Only an owner can connect a local test host on such an address.';
    return new AppError('ssrf_blocked', e.message, {
      cause: e, userMessage: `${where} ${net.isIP(where) ? 'is' : 'resolves to'} a private address (loopback, private network or link-local), which this dashboard refuses to protect the network it runs in. ${tail}`,
      publicData: { cause: 'private_address', host: where },
    });
  }
  if (e.code !== 'remote_unreachable') return e;
  const errno = errnoOf(e);
  const said = (cause: string, userMessage: string) =>
    new AppError('remote_unreachable', e.message, { cause: e, userMessage, publicData: { cause, host, ...(errno ? { errno } : {}) } });
  if (e.details?.reason === 'timeout') return said('timeout', `${host} did not answer in time (the connection timed out). Check the URL and that the server is up.`);
  if (errno === 'ENOTFOUND' || errno === 'EAI_AGAIN' || errno === 'ENODATA' || /could not resolve|has no addresses/.test(e.message)) {
    const how = errno === 'EAI_AGAIN' ? 'the DNS lookup failed for now (EAI_AGAIN); try again' : 'no such name in DNS';
    return said('dns', `The host name ${hostname} could not be found: ${how}. Check the spelling of the URL.`);
  }
  if (errno === 'ECONNREFUSED') return said('connection_refused', `${host} refused the connection: nothing is listening there. Check the port and that the server is running.`);
  if (errno === 'ECONNRESET') return said('connection_reset', `${host} closed the connection before answering. A firewall or proxy may be in the way.`);
  if (errno === 'EHOSTUNREACH' || errno === 'ENETUNREACH') return said('no_route', `There is no network route to ${host} (${errno}).`);
  if (errno && isTlsCode(errno)) {
    return said('tls', `The secure (TLS) connection to ${host} failed: ${TLS_WORDS[errno] ?? 'the certificate or handshake was refused'} (${errno}).`);
  }
  return said('unreachable', `${host} could not be reached${errno ? ` (${errno})` : ''}.`);
}

function answered(a: DetectAnswer): string {
  if (a.status === 0) return `${a.path} did not answer with the expected JSON${a.text && a.text !== 'not JSON' ? ` (${a.text})` : ''}`;
  return `${a.path} answered HTTP ${a.status}${a.text ? `: "${a.text}"` : ''}`;
}

/** Detection found no supported software: what the server said instead, so the admin knows whether to pick by hand. */
export function notDetected(detected: DetectedSoftware, host: string): AppError {
  const publicData = { detected: { kind: null, name: detected.name, version: detected.version, source: detected.source } };
  if (detected.name) {
    return new AppError('unsupported', `unsupported software ${detected.name}`, {
      userMessage: clean(`${host} says it runs "${detected.name}", which this dashboard cannot connect to. If it is compatible with a supported one, choose that by hand.`),
      publicData: { ...publicData, cause: 'unsupported_software' },
    });
  }
  const answers = detected.answers ?? [];
  const errors = answers.filter((a) => a.status >= 400);
  const serverDown = errors.length > 0 && errors.length === answers.length && errors.every((a) => a.status >= 500);
  const what = answers.length ? `: ${answers.map(answered).join('; ')}` : ': it answered, but not as any supported server software';
  return new AppError(serverDown ? 'remote_error' : 'bad_request', 'software not detected', {
    userMessage: `Could not tell which server software ${host} runs${what}.${serverDown ? ' The server is failing; try again later.' : ' Choose the software by hand.'}`,
    publicData: { ...publicData, cause: serverDown ? 'http_status' : 'not_detected', answers },
  });
}

/** The token was checked and cannot read reports: the first failed check, in the server's words, leads. */
export function verifyFailed(checks: VerifyResult): AppError {
  const first = checks.checks.find((c) => !c.ok && !c.optional);
  const why = first ? ` (${clean(`${first.name}: ${first.detail}`)})` : '';
  return new AppError('bad_request', 'instance verification failed', {
    userMessage: `The token cannot read reports on this instance${why}. See the checks below.`,
    publicData: { checks, cause: 'verify_failed' },
  });
}
