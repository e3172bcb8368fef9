import { describe, expect, it } from 'vitest';
import { MATRIX_ACTIONS, capabilityMatrix, capabilityMatrixMarkdown } from './capability-matrix';
import { capabilitiesFor, connectorKinds } from './registry';

describe('capability matrix', () => {
  it('lists every action any connector declares, and marks exactly the declared ones', () => {
    const listed = new Set(MATRIX_ACTIONS.map((a) => a.kind));
    const matrix = capabilityMatrix();
    for (const kind of connectorKinds()) {
      const caps = capabilitiesFor(kind);
      for (const action of caps.actions) expect(listed.has(action)).toBe(true);
      for (const row of matrix.rows) {
        // Opening a report is declared apart from `actions` (capabilities.reportCreate).
        const declared = row.action === 'report.create' ? Boolean(caps.reportCreate) : caps.actions.includes(row.action);
        expect(row.cells[kind].supported).toBe(declared);
      }
    }
    expect(matrix.rows.find((r) => r.action === 'status.delete')?.cells.mastodon).toMatchObject({ supported: false, note: expect.stringMatching(/cannot delete/i) });
  });
});

describe('README capability matrix', () => {
  it('is exactly what the connectors declare (regenerate with npm run matrix)', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /<!-- capability-matrix:start[^>]*-->\n([\s\S]*?)\n<!-- capability-matrix:end -->/.exec(readme);
    expect(block, 'README has the capability-matrix markers').not.toBeNull();
    expect(block![1]).toBe(capabilityMatrixMarkdown());
  });
});

describe('README watch-and-hold matrix', () => {
  it('is exactly what the connectors and the hold planner say (regenerate with npm run matrix -- --write)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { safetyMatrixMarkdown } = await import('./safety-matrix');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /<!-- safety-matrix:start[^>]*-->\n([\s\S]*?)\n<!-- safety-matrix:end -->/.exec(readme);
    expect(block, 'README has the safety-matrix markers').not.toBeNull();
    expect(block![1]).toBe(safetyMatrixMarkdown());
  });
});
