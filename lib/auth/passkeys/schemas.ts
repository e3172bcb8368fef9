/**
 * The shapes a browser sends back from @simplewebauthn/browser, parsed before anything reads them: the library
 * trusts its input's types, and these arrive from outside. Sizes are generous for real authenticators.
 */
import { z } from 'zod';

const b64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/);
const transports = z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(8);

/** What both ceremonies' answers share: the credential's id, its type and the client's extension results. */
const credentialBase = {
  id: b64url(1400),
  rawId: b64url(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

export const registrationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: b64url(4096),
    attestationObject: b64url(65536),
    authenticatorData: b64url(65536).optional(),
    transports: z.array(z.string().max(32)).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(4096).optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: b64url(4096),
    authenticatorData: b64url(65536),
    signature: b64url(1024),
    userHandle: b64url(1024).optional(),
  }),
});

/** Only the transports WebAuthn defines are kept (they are handed back to browsers later). */
export function knownTransports(values: string[] | undefined): string[] {
  return (values ?? []).filter((t) => transports.element.safeParse(t).success);
}
