/**
 * The client address as the reverse proxy reports it (Next route handlers do not expose the socket).
 * x-real-ip is usually set (overwritten) by the proxy; otherwise the right-most x-forwarded-for entry is the
 * one the nearest proxy appended, while left-most entries are whatever the client claimed.
 */
type HeaderGetter = (name: string) => string | null | undefined;

export function clientIp(get: HeaderGetter): string | null {
  const real = get('x-real-ip')?.trim();
  if (real) return real.slice(0, 64);
  const forwarded = get('x-forwarded-for');
  if (!forwarded) return null;
  const parts = forwarded.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.length ? parts[parts.length - 1].slice(0, 64) : null;
}

/** next-auth hands route headers over as a plain object. */
export function headerGetterFromRecord(headers: Record<string, unknown> | undefined): HeaderGetter {
  return (name) => {
    const v = headers?.[name];
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
  };
}
