import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { livePostmaster } from './live-postmaster';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidfile-'));
const file = path.join(dir, 'postmaster.pid');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('livePostmaster', () => {
  it('reports a running postgres with its port, and ignores a live process that is not postgres', async () => {
    const { execSync } = await import('node:child_process');
    const pg = execSync('pgrep -o -x postgres || true', { encoding: 'utf8' }).trim();
    if (pg) {
      fs.writeFileSync(file, `${pg}\n/data/pg\n1700000000\n54331\n/tmp\n`);
      expect(livePostmaster(file)).toEqual({ pid: Number(pg), port: 54331 });
    }
    fs.writeFileSync(file, `${process.pid}\n/data/pg\n1700000000\n54331\n/tmp\n`); // node: a reused pid
    expect(livePostmaster(file)).toBeNull();
  });

  it('treats a dead pid, garbage or a missing file as stale', () => {
    fs.writeFileSync(file, '4194303\n/data/pg\n1\n54331\n'); // above Linux's default pid_max: never a live process
    expect(livePostmaster(file)).toBeNull();
    fs.writeFileSync(file, 'not a pid\n');
    expect(livePostmaster(file)).toBeNull();
    expect(livePostmaster(path.join(dir, 'missing.pid'))).toBeNull();
  });
});
