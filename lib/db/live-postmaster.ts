/**
 * Whether a postmaster.pid belongs to a PostgreSQL that is still running. The embedded server removes a stale pid
 * file before starting (a crashed run leaves one behind); removing a LIVE one would start a second server on the
 * same data folder and take the first one's database away (seen: the CLI run with the demo's DATA_DIR but the
 * default port stopped the running demo). postmaster.pid: line 1 is the pid, line 4 the port.
 */
import fs from 'node:fs';

export interface LivePostmaster { pid: number; port: number | null }

export function livePostmaster(pidFile: string): LivePostmaster | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to another user (the postgres system user when running as root).
    if (!(e instanceof Error && 'code' in e && e.code === 'EPERM')) return null;
  }
  // After a restart (containers especially) the old pid may belong to an unrelated process: only a postgres counts.
  if (!isPostgres(pid)) return null;
  const port = Number(lines[3]);
  return { pid, port: Number.isInteger(port) && port > 0 ? port : null };
}

/** Linux names the process in /proc; elsewhere (no /proc) a live pid is taken as postgres, the cautious side. */
function isPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return !fs.existsSync('/proc/self');
  }
}
