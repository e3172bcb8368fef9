/**
 * The removal controls every fake serves (../destructive-log.ts): the log of removal calls received, its reset, the
 * forwarded reports (../forward-log.ts), and
 * the keep-serving switch (a CDN cache in front of the server that goes on serving deleted files).
 */
import { z } from 'zod';
import { HttpError } from './http';
import type { Route } from './route-types';

const keepServing = z.object({ on: z.boolean() });

export function removalControlRoutes(): Route[] {
  return [
    { method: 'GET', pattern: /^\/__fake\/destructive-calls$/, handler: ({ state }) => ({ json: state.removal.calls }) },
    { method: 'GET', pattern: /^\/__fake\/forwards$/, handler: ({ state }) => ({ json: state.forwardLog.forwards }) },
    { method: 'POST', pattern: /^\/__fake\/reset-forwards$/, handler: ({ state }) => { state.forwardLog.reset(); return { json: { ok: true } }; } },
    {
      method: 'POST', pattern: /^\/__fake\/reset-destructive-calls$/,
      handler: ({ state }) => { state.removal.reset(); return { json: { ok: true } }; },
    },
    {
      method: 'POST', pattern: /^\/__fake\/keep-serving$/,
      handler: ({ state, body }) => {
        const parsed = keepServing.safeParse(body);
        if (!parsed.success) throw new HttpError(400, z.prettifyError(parsed.error));
        state.removal.keepServing = parsed.data.on;
        return { json: { ok: true, on: state.removal.keepServing } };
      },
    },
  ];
}

/** Removal calls as Mastodon's API knows them: account data deletes, suspensions, domain blocks. */
export function isRemovalCall(method: string, path: string, body: Record<string, unknown>): boolean {
  if (method === 'DELETE' && /^\/api\/v1\/admin\/accounts\/\d+$/.test(path)) return true;
  if (method === 'POST' && /^\/api\/v1\/admin\/accounts\/\d+\/action$/.test(path)) return body.type === 'suspend';
  return method === 'POST' && path === '/api/v1/admin/domain_blocks';
}
