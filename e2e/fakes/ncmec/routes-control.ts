/** Test-only routes under /__fake/ (no auth, like every fake's control surface): inspect, reset, arm failures. */
import { z } from 'zod';
import type { Endpoint, FakeNcmecState } from './state';

export interface JsonReply {
  status: number;
  json: unknown;
}

const ENDPOINTS = ['status', 'xsd', 'submit', 'upload', 'fileinfo', 'finish', 'retract'] as const satisfies readonly Endpoint[];

const FailNext = z.object({
  endpoint: z.enum(ENDPOINTS),
  code: z.number().int().refine((n) => n !== 0, 'a failure needs a nonzero code').default(1000),
  description: z.string().default('Simulated failure'),
});

export function control(state: FakeNcmecState, method: string, path: string, body: string): JsonReply {
  if (method === 'GET' && path === '/__fake/reports') return { status: 200, json: { reports: [...state.reports.values()] } };
  if (method === 'GET' && path === '/__fake/calls') return { status: 200, json: { calls: state.calls } };
  if (method === 'POST' && path === '/__fake/reset') {
    state.reset();
    return { status: 200, json: { ok: true } };
  }
  if (method === 'POST' && path === '/__fake/fail-next') {
    let raw: unknown;
    try {
      raw = JSON.parse(body || '{}');
    } catch {
      return { status: 400, json: { error: 'body must be JSON' } };
    }
    const parsed = FailNext.safeParse(raw);
    if (!parsed.success) return { status: 400, json: { error: parsed.error.message } };
    state.failNext.set(parsed.data.endpoint, { code: parsed.data.code, description: parsed.data.description });
    return { status: 200, json: { ok: true } };
  }
  return { status: 404, json: { error: 'not found' } };
}
