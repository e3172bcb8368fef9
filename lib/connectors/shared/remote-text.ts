/**
 * Makes remote text safe to log and show, for every connector: control characters removed, length capped, token
 * redacted (a hostile or misconfigured server could echo the Authorization header back).
 */
const MAX_LENGTH = 300;

export function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_LENGTH);
}

export function redact(text: string, token: string): string {
  return token ? text.split(token).join('[redacted]') : text;
}
