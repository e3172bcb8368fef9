import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { capabilitiesFor, createConnector } from './registry';

const config = { baseUrl: 'https://m.example', token: 't', fetch: globalThis.fetch };

describe('connector registry', () => {
  it('creates a Mastodon connector', () => {
    const c = createConnector('mastodon', config);
    expect(c.kind).toBe('mastodon');
    expect(capabilitiesFor('mastodon')).toBe(c.capabilities);
  });

  it('throws unsupported for kinds without an adapter, and they have no capabilities', () => {
    for (const kind of ['gotosocial', 'akkoma', 'lemmy', 'misskey', 'peertube'] as const) {
      expect(() => createConnector(kind, config)).toThrow(AppError);
      try {
        createConnector(kind, config);
      } catch (e) {
        expect((e as AppError).code).toBe('unsupported');
      }
      expect(capabilitiesFor(kind).actions).toEqual([]);
    }
  });
});
