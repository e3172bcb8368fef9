import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPdqCli } from './pdq-cli';

const WEE = path.resolve(process.cwd(), '../shared/pdq-vectors/data/misc-images/wee.jpg');

async function run(files: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPdqCli(files, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('runPdqCli', () => {
  it('prints hash,quality,file and exits 0 when every file hashes', async () => {
    const { code, out, err } = await run([WEE]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([`6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d,100,${WEE}`]);
  });

  it('reports bad files on stderr in one line each, keeps going, and exits 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdq-cli-'));
    const garbage = path.join(dir, 'garbage.jpg');
    writeFileSync(garbage, 'not an image');
    const missing = path.join(dir, 'missing.png');
    const { code, out, err } = await run([garbage, missing, WEE]);
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    expect(err).toEqual([
      expect.stringMatching(new RegExp(`^error,${garbage},cannot decode image: [^\\n]+$`)),
      `error,${missing},file not found`,
    ]);
  });

  it('names the pixel limit when an image is too large to decode', async () => {
    const { pdqHashFile } = await import('./pdq');
    await expect(pdqHashFile(WEE, { limitInputPixels: 100 })).rejects.toMatchObject({ code: 'too_large' });
  });
});
