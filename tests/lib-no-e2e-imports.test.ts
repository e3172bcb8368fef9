/**
 * Production code must not depend on the test fakes (issue 8, point 10): no module under lib/ imports e2e/.
 * Test files and test-support folders under lib/ drive the fakes on purpose and are exempt; a production module
 * importing such a test-support module is caught too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const LIB = path.join(ROOT, 'lib');
const E2E = path.join(ROOT, 'e2e');
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function isTestOnly(file: string): boolean {
  const rel = path.relative(LIB, file).split(path.sep);
  return /\.test\.tsx?$/.test(file) || rel.some((part) => part === 'test-support' || /^test-support\.tsx?$/.test(part));
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') out.push(...sourceFiles(full));
    } else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

function resolveSpecifier(from: string, spec: string): string | null {
  if (spec.startsWith('@/')) return path.join(ROOT, spec.slice(2));
  if (spec.startsWith('.')) return path.resolve(path.dirname(from), spec);
  return null;
}

function forbiddenImports(files: Array<{ file: string; text: string }>): string[] {
  const offences: string[] = [];
  for (const { file, text } of files) {
    if (isTestOnly(file)) continue;
    for (const m of text.matchAll(SPECIFIER)) {
      const target = resolveSpecifier(file, m[1]);
      if (!target) continue;
      const inE2e = target === E2E || target.startsWith(E2E + path.sep);
      const inTestSupport = target.startsWith(LIB + path.sep) && isTestOnly(target) && !/\.test\.tsx?$/.test(target);
      if (inE2e || inTestSupport) offences.push(`${path.relative(ROOT, file)} imports ${m[1]}`);
    }
  }
  return offences;
}

describe('lib/ does not depend on e2e/', () => {
  it('no production module under lib/ imports e2e/ or a test-support module', () => {
    expect(forbiddenImports(sourceFiles(LIB).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') })))).toEqual([]);
  });

  it('the check itself catches the import shapes it looks for', () => {
    // A virtual file: nothing is written under lib/ while other processes may be compiling it.
    const file = path.join(LIB, 'media', 'probe.ts');
    const text = [
      "import { a } from '../../e2e/fakes/x';",
      "const b = await import('@/e2e/fakes/y');",
      "import '../connectors/mastodon/test-support/fake-connector';",
      "import { ok } from '../errors';",
    ].join('\n');
    expect(forbiddenImports([{ file, text }])).toHaveLength(3);
    expect(forbiddenImports([{ file: path.join(LIB, 'media', 'probe.test.ts'), text }])).toEqual([]);
  });
});
