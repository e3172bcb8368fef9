/**
 * OWNER: SSO helper (issue 15). STUB: replace. What the sign-in page may know about single sign-on: whether it is on,
 * and the button's words ("Sign in with Keycloak"). Nothing secret.
 */
export async function getSsoPublic(): Promise<{ enabled: boolean; label: string }> {
  return { enabled: false, label: '' };
}
