/** Only same-site paths may come back from ?callbackUrl= (no open redirect via `//evil` or `/\evil`). */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000 || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
