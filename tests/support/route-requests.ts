/** Requests for calling route handlers directly in tests, shared by the route test files. */

export const MB = 1024 * 1024;

/** A route's second argument: Next passes the dynamic segments as a promise. */
export const routeParams = <T extends Record<string, string>>(v: T) => ({ params: Promise.resolve(v) });

/** A JSON request (a string body is sent as is, to test malformed JSON). */
export const jsonRequest = (path: string, method = 'GET', body?: unknown) =>
  new Request(`http://app.test${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });

/** A body of `total` bytes produced only as it is read: `pulled()` says how much a route read before refusing it. */
export function countingBody(total: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const n = Math.min(64 * 1024, total - pulled);
      pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled };
}
