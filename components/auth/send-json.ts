/**
 * Client-side JSON calls to our route handlers. The response is parsed with the caller's schema (nothing from
 * outside is trusted by cast); failures come back as a message fit for the user: the handler's
 * `error.message` or the first validation issue.
 */
import { z } from 'zod';

export type SendResult<T> = { ok: true; data: T } | { ok: false; message: string; status: number };

const errorBody = z.object({
  error: z.object({ message: z.string(), issues: z.array(z.object({ message: z.string() })).optional() }),
});

export async function sendJson<T>(url: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body: unknown, schema: z.ZodType<T>): Promise<SendResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
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

/** The route's user message (`{ error: { message, issues? } }`: the first validation issue first), or a generic sentence. */
export function errorMessage(raw: unknown): string {
  const err = errorBody.safeParse(raw);
  return err.success ? (err.data.error.issues?.[0]?.message ?? err.data.error.message) : 'Something went wrong.';
}
