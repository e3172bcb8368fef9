/**
 * Prints the capability matrix and the watch-and-hold matrix as markdown (`npm run matrix`), or rewrites the README's
 * copies between their markers (`npm run matrix -- --write`). A test fails when a README copy differs from the code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { capabilityMatrixMarkdown } from '@/lib/connectors/capability-matrix';
import { safetyMatrixMarkdown } from '@/lib/connectors/safety-matrix';

const tables: Record<string, string> = { 'capability-matrix': capabilityMatrixMarkdown(), 'safety-matrix': safetyMatrixMarkdown() };
if (process.argv.includes('--write')) {
  let readme = await readFile('README.md', 'utf8');
  for (const [name, table] of Object.entries(tables)) {
    const block = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
    if (!block.test(readme)) throw new Error(`README.md has no ${name} markers`);
    readme = readme.replace(block, (_m, start: string, end: string) => `${start}${table}${end}`);
  }
  await writeFile('README.md', readme);
  console.log('README.md matrices updated.');
} else {
  console.log(Object.values(tables).join('\n\n'));
}
