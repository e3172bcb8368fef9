/**
 * What the sign-in page may know about single sign-on: whether it is on, and the button's words ("Sign in with
 * Keycloak"). Nothing secret. "On" means the provider would be built: enabled, complete, and the secret opens
 * (a changed master key leaves it sealed for nobody, and a button leading to next-auth's error page helps no one).
 */
import { isSsoComplete, openSsoSecret, readStoredSso } from './sso-stored';

export async function getSsoPublic(): Promise<{ enabled: boolean; label: string }> {
  const s = await readStoredSso();
  const enabled = s.enabled && isSsoComplete(s) && (await openSsoSecret(s.clientSecretSealed!, s.issuer)) !== null;
  return { enabled, label: enabled ? s.label || 'single sign-on' : '' };
}
