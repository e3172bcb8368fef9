/**
 * OWNER: SSO helper (issue 15). STUB: replace. Single sign-on settings (Setting 'auth.sso'): issuer, client id, client
 * secret (sealed like instance tokens, never shown back), button label, groups claim, group-to-role mapping, on/off.
 */
export interface SsoSettingsView {
  enabled: boolean;
  issuer: string;
  clientId: string;
  /** Whether a secret is stored; the secret itself never leaves the server. */
  hasSecret: boolean;
  label: string;
  groupsClaim: string;
  /** Group name -> role; the highest role among a user's groups wins; no mapped group: sign-in refused. */
  roleMap: { group: string; role: 'viewer' | 'moderator' | 'admin' }[];
  /** The redirect URI to register at the identity provider. */
  callbackUrl: string;
}

export async function getSsoSettingsView(): Promise<SsoSettingsView> {
  return { enabled: false, issuer: '', clientId: '', hasSecret: false, label: '', groupsClaim: 'groups', roleMap: [], callbackUrl: '' };
}
