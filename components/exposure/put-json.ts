/**
 * PUT for settings routes: components/auth/send-json.ts speaks POST, PATCH and DELETE only, and is shared by
 * other features. Same contract: the caller's schema parses the answer; failures come back in the route's words.
 */
import { z } from 'zod';
import type { SendResult } from '@/components/auth/send-json';

export async function putJson<T>(url: string, body: unknown, schema: z.ZodType<T>): Promise<SendResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    return { ok: false, message: 'Could not reach the server. Check your connection and try again.', status: 0 };
  }
  const raw: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const data = schema.safeParse(raw);
    return data.success ? { ok: true, data: data.data } : { ok: false, message: 'The server sent an unexpected answer.', status: res.status };
  }
  return { ok: false, message: errorMessage(raw), status: res.status };
}

const errorBody = z.object({ error: z.object({ message: z.string(), issues: z.array(z.object({ message: z.string() })).optional() }) });

/** The route's user message (`{ error: { message, issues? } }`), or a generic sentence. */
export function errorMessage(raw: unknown): string {
  const err = errorBody.safeParse(raw);
  return err.success ? (err.data.error.issues?.[0]?.message ?? err.data.error.message) : 'Something went wrong.';
}
