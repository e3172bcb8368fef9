/**
 * A small structured logger. Secrets never reach it: callers pass ids and error codes, and
 * `redactSecrets` scrubs credential-like keys from any fields as a second line of defence.
 */
import { env } from '@/lib/env';
import { redactSecrets } from '@/lib/audit/redact';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

function write(level: Level, scope: string, msg: string, fields?: Record<string, unknown>): void {
  if (LEVELS[level] < LEVELS[env().LOG_LEVEL]) return;
  const extra = fields ? ' ' + JSON.stringify(redactSecrets(fields)) : '';
  const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${scope}] ${msg}${extra}`;
  (level === 'error' || level === 'warn' ? console.error : console.log)(line);
}

export function logger(scope: string) {
  return {
    debug: (m: string, f?: Record<string, unknown>) => write('debug', scope, m, f),
    info: (m: string, f?: Record<string, unknown>) => write('info', scope, m, f),
    warn: (m: string, f?: Record<string, unknown>) => write('warn', scope, m, f),
    error: (m: string, f?: Record<string, unknown>) => write('error', scope, m, f),
  };
}
