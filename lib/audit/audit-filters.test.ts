import { describe, expect, it } from 'vitest';
import { auditQuerySchema } from './audit-filters';

describe('audit filters', () => {
  it('reads plain dates as whole UTC days, with `to` inclusive', () => {
    const q = auditQuerySchema.parse({ from: '2026-01-02', to: '2026-01-02' });
    expect(q.from?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(q.to?.toISOString()).toBe('2026-01-02T23:59:59.999Z');
  });

  it('accepts instants and Dates, and refuses junk', () => {
    expect(auditQuerySchema.parse({ from: '2026-01-02T03:04:05.000+02:00' }).from?.toISOString()).toBe('2026-01-02T01:04:05.000Z');
    const d = new Date();
    expect(auditQuerySchema.parse({ to: d }).to).toEqual(d);
    expect(() => auditQuerySchema.parse({ from: 'yesterday' })).toThrow();
    expect(() => auditQuerySchema.parse({ instanceId: 'x' })).toThrow();
  });

  it('bounds the limit and the cursor', () => {
    expect(auditQuerySchema.parse({}).limit).toBe(100);
    expect(() => auditQuerySchema.parse({ limit: 501 })).toThrow();
    expect(() => auditQuerySchema.parse({ cursor: '9'.repeat(19) })).toThrow();
    expect(() => auditQuerySchema.parse({ cursor: '-1' })).toThrow();
    expect(auditQuerySchema.parse({ cursor: '42' }).cursor).toBe('42');
  });
});
