/**
 * Where `instances add` gets the instance token. A `--token` argument is visible to every local user in the process
 * list (ps, /proc/<pid>/cmdline) and lands in shell history, so the token comes from stdin (`--token-stdin`) or the
 * FEDIMOD_INSTANCE_TOKEN environment variable; `--token` still works, with a warning.
 */
import { env } from '@/lib/env';
import type { ParsedArgs } from './args';

// Tokens are at most 2,000 characters (add-instance.ts); anything much longer on stdin is a mistake.
const MAX_STDIN_BYTES = 8 * 1024;

export interface TokenSources {
  readStdin: () => Promise<string>;
  envToken: string | undefined;
  warn: (line: string) => void;
}

export async function readStdinCapped(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buf.length;
    if (total > MAX_STDIN_BYTES) throw new Error('--token-stdin: more than 8 KB on stdin; pipe only the token');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function resolveInstanceToken(
  flags: ParsedArgs['flags'],
  sources: TokenSources = { readStdin: () => readStdinCapped(), envToken: env().FEDIMOD_INSTANCE_TOKEN, warn: (l) => console.error(l) },
): Promise<string> {
  if (flags['token-stdin'] === true) {
    // Only the line ending of `echo`/a file is removed: tokens never contain whitespace.
    const token = (await sources.readStdin()).trim();
    if (!token) throw new Error('--token-stdin: nothing on stdin');
    return token;
  }
  if (typeof flags.token === 'string' && flags.token) {
    sources.warn('warning: --token puts the token in the process list and shell history; use --token-stdin or FEDIMOD_INSTANCE_TOKEN instead');
    return flags.token;
  }
  const fromEnv = sources.envToken?.trim();
  if (fromEnv) return fromEnv;
  throw new Error('missing token: pipe it to --token-stdin, or set FEDIMOD_INSTANCE_TOKEN');
}
