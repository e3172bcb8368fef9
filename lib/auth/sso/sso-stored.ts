/**
 * The stored shape of Setting 'auth.sso' and how it is read, plus the client secret's seal. The secret is sealed
 * like instance tokens (AES-256-GCM, 'tokens' key) with the issuer as AAD, so a sealed secret cannot be replayed
 * against another issuer: moving the issuer needs the secret typed again. A bad stored value reads as "off".
 */
import { z } from 'zod';
import { boundSealer } from '@/lib/crypto/bound-sealer';
import { db, type Tx } from '@/lib/db';

export const SSO_SETTINGS_KEY = 'auth.sso';
export const SSO_ROLES = ['viewer', 'moderator', 'admin'] as const;
export type SsoRole = (typeof SSO_ROLES)[number];

export const storedSsoSchema = z.object({
  enabled: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSealed: z.string().min(1).nullable(),
  label: z.string(),
  groupsClaim: z.string().min(1),
  /** An extra scope some issuers need before they release the groups claim (oidc-provider, Authentik: 'groups'). */
  groupsScope: z.string().default(''),
  roleMap: z.array(z.object({ group: z.string().min(1), role: z.enum(SSO_ROLES) })),
  allowPrivate: z.boolean(),
});

export type StoredSsoSettings = z.infer<typeof storedSsoSchema>;

export const EMPTY_SSO_SETTINGS: StoredSsoSettings = Object.freeze({
  enabled: false, issuer: '', clientId: '', clientSecretSealed: null, label: '', groupsClaim: 'groups', groupsScope: '', roleMap: [], allowPrivate: false,
});

export function parseStoredSso(value: unknown): StoredSsoSettings {
  const parsed = storedSsoSchema.safeParse(value);
  return parsed.success ? parsed.data : { ...EMPTY_SSO_SETTINGS, roleMap: [] };
}

export async function readStoredSso(client: Pick<Tx, 'setting'> = db): Promise<StoredSsoSettings> {
  const row = await client.setting.findUnique({ where: { key: SSO_SETTINGS_KEY } });
  return parseStoredSso(row?.value);
}

/** Everything a sign-in needs is there: an issuer, a client, a secret and at least one mapped group. */
export function isSsoComplete(s: StoredSsoSettings): boolean {
  return s.issuer !== '' && s.clientId !== '' && s.clientSecretSealed !== null && s.roleMap.length > 0;
}

/** The client secret is bound to its issuer (lib/crypto/bound-sealer.ts): pointing the settings elsewhere voids it. */
const sealer = boundSealer('sso');

export const sealSsoSecret = (secret: string, issuer: string): Promise<string> => sealer.seal(secret, issuer);
/** null when the sealed value does not open (another key, another issuer). */
export const openSsoSecret = (sealed: string, issuer: string): Promise<string | null> => sealer.open(sealed, issuer);
