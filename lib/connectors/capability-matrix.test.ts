import { describe, expect, it } from 'vitest';
import { MATRIX_ACTIONS, capabilityMatrix } from './capability-matrix';
import { capabilitiesFor, connectorKinds } from './registry';

describe('capability matrix', () => {
  it('lists every action any connector declares, and marks exactly the declared ones', () => {
    const listed = new Set(MATRIX_ACTIONS.map((a) => a.kind));
    const matrix = capabilityMatrix();
    for (const kind of connectorKinds()) {
      const caps = capabilitiesFor(kind);
      for (const action of caps.actions) expect(listed.has(action)).toBe(true);
      for (const row of matrix.rows) expect(row.cells[kind].supported).toBe(caps.actions.includes(row.action));
    }
    expect(matrix.rows.find((r) => r.action === 'status.delete')?.cells.mastodon).toMatchObject({ supported: false, note: expect.stringMatching(/cannot delete/i) });
  });
});
