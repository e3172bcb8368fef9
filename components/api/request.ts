/**
 * The browser side of the dashboard's JSON routes: same-origin, JSON in and out, and on failure an Error carrying
 * the route's user message (a zod issue's first, else the AppError's), never a raw internal.
 */
async function errorFrom(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; issues?: { message: string }[] } };
  return new Error(body.error?.issues?.[0]?.message ?? body.error?.message ?? `Request failed (${res.status})`);
}

/** Sends and returns the Response (for bodies that are not JSON: a ZIP, an image); throws on a non-2xx answer. */
export async function send(url: string, method = 'GET', body?: unknown): Promise<Response> {
  const res = await fetch(url, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) throw await errorFrom(res);
  return res;
}

/** Our own routes answer with the view-model types they declare (lib/<domain>/types.ts). */
export async function requestJson<T>(url: string, init?: { method: string; body?: unknown }): Promise<T> {
  const res = await send(url, init?.method ?? 'GET', init?.body);
  return (await res.json().catch(() => ({}))) as T;
}
