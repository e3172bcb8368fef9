'use client';
/** OWNER: SSO helper (issue 15). STUB: replace. "Sign in with <label>" through next-auth's OIDC provider (id 'oidc'). */
export function SsoButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  void label; void callbackUrl;
  return null;
}
