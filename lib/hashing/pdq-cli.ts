/**
 * `npm run pdq -- FILE...`: one `<hash>,<quality>,<file>` line per file, like Meta's pdq-photo-hasher.
 * A file that cannot be read or decoded gets `error,<file>,<reason>` on stderr and the run continues; the exit
 * code says whether everything hashed.
 */
import { isAppError } from '../errors';
import { pdqHashFile } from './pdq';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function runPdqCli(files: string[], io: CliIo): Promise<number> {
  if (files.length === 0) {
    io.err('usage: npm run pdq -- FILE...');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      const { hash, quality } = await pdqHashFile(file);
      io.out(`${hash},${quality},${file}`);
    } catch (e) {
      failed++;
      io.err(`error,${file},${describeFailure(e)}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** One line, no stack: the filesystem's reason, or the decoder's. */
export function describeFailure(e: unknown): string {
  if (isAppError(e)) return `${e.code === 'too_large' ? 'image too large' : 'cannot decode image'}: ${e.message}`;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FS_REASONS[code]) return FS_REASONS[code];
  const message = (e instanceof Error ? e.message : String(e)).split('\n', 1)[0].trim();
  return `cannot read file: ${message || 'unknown error'}`;
}
