/**
 * Prints the capability matrix as markdown (`npm run matrix`), or rewrites the README's copy between its markers
 * (`npm run matrix -- --write`). A test fails when the README's copy differs from the code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { capabilityMatrixMarkdown } from '@/lib/connectors/capability-matrix';

const table = capabilityMatrixMarkdown();
if (process.argv.includes('--write')) {
  const readme = await readFile('README.md', 'utf8');
  const block = /(<!-- capability-matrix:start[^>]*-->\n)[\s\S]*?(\n<!-- capability-matrix:end -->)/;
  if (!block.test(readme)) throw new Error('README.md has no capability-matrix markers');
  await writeFile('README.md', readme.replace(block, (_m, start: string, end: string) => `${start}${table}${end}`));
  console.log('README.md capability matrix updated.');
} else {
  console.log(table);
}
