import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { capabilitiesFor, connectorKinds, createConnector } from './registry';

const config = { baseUrl: 'https://m.example', token: 't', fetch: globalThis.fetch };

describe('connector registry', () => {
  it('creates a connector for every kind it lists, with matching capabilities', () => {
    for (const kind of connectorKinds()) {
      const c = createConnector(kind, config);
      expect(c.kind).toBe(kind);
      expect(capabilitiesFor(kind)).toBe(c.capabilities);
    }
  });

  it('throws unsupported for an unknown kind', () => {
    for (const kind of ['friendica'] as never[]) {
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
