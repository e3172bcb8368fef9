/** Request-body validation shared by the fake's routes. */
import { z } from 'zod';
import type { Params } from '../mastodon/http';
import { FakeError } from './route-types';

/**
 * A body that does not fit the route's schema: 400 {"error": ...}, the shape of Pleroma's ApiSpec RenderError
 * (which also sends an `errors` list the connector does not read).
 */
export function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new FakeError(400, { error: z.prettifyError(r.error) });
  return r.data;
}

/** Phoenix's ErrorView body for an unhandled crash in production: what Akkoma answers when a handler raises. */
export const internalError = () => new FakeError(500, { errors: { detail: 'Internal server error' } });
