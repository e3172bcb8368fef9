/**
 * `npm start` builds only when the sources changed since the last build: a fingerprint of source file
 * paths, sizes and modification times is kept next to the build output.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { childProcessEnv } from '@/lib/env';

const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.js', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];
const SKIP = new Set(['generated', 'node_modules', '.next']);

function walk(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), out);
  } else out.push(`${p}:${st.size}:${st.mtimeMs}`);
}

export function sourceFingerprint(root: string): string {
  const out: string[] = [];
  for (const s of SOURCES) walk(path.join(root, s), out);
  return crypto.createHash('sha256').update(out.join('\n')).digest('hex');
}

export function buildIfNeeded(root: string, log: (m: string) => void): void {
  const stamp = path.join(root, '.next', 'fedimod-source.sha256');
  const fingerprint = sourceFingerprint(root);
  const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fingerprint;
  if (built) return;
  log('Building the dashboard (first start or changed sources)…');
  const res = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, stdio: 'inherit', env: childProcessEnv({ NEXT_TELEMETRY_DISABLED: '1' }) });
  if (res.status !== 0) throw new Error('next build failed');
  fs.writeFileSync(stamp, fingerprint);
}
