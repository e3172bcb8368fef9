import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../../e2e/fakes/misskey/routes';
import { DEFAULT_PERMISSIONS } from '../../../e2e/fakes/misskey/server';
import { MISSKEY_PERMISSIONS, misskeyCapabilities } from './capabilities';
import { ENDPOINT_KINDS } from './endpoint-kinds';

describe('Misskey capabilities and permissions', () => {
  it('lists exactly the kinds its endpoints need, matching the fake\'s endpoint metas', () => {
    expect(new Set(Object.values(ENDPOINT_KINDS))).toEqual(new Set(MISSKEY_PERMISSIONS));
    for (const [endpoint, kind] of Object.entries(ENDPOINT_KINDS)) expect([endpoint, ENDPOINTS[endpoint]?.kind]).toEqual([endpoint, kind]);
    // The fake's default token can perform every action, so e2e runs can click each button.
    expect(DEFAULT_PERMISSIONS).toEqual(expect.arrayContaining([...MISSKEY_PERMISSIONS]));
  });

  it('offers the new actions with a note each, and explains the ones it does not offer', () => {
    for (const kind of ['report.reject', 'report.note', 'account.delete', 'media.delete'] as const) {
      expect(misskeyCapabilities.actions).toContain(kind);
      expect(misskeyCapabilities.notes[kind]).toEqual(expect.any(String));
    }
    for (const kind of ['status.purge', 'status.block', 'status.visibility'] as const) {
      expect(misskeyCapabilities.actions).not.toContain(kind);
      expect(misskeyCapabilities.notes[kind]).toEqual(expect.any(String));
    }
    expect(misskeyCapabilities.minVersion).toBe('2024.10.0');
  });
});
