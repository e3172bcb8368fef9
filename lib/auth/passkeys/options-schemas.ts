/**
 * Client-safe (no database): the options our routes send, parsed by the browser before they reach
 * @simplewebauthn/browser, so nothing from the network is handed on by cast. Unknown fields are dropped.
 */
import { z } from 'zod';

const descriptor = z.object({ id: z.string(), type: z.string(), transports: z.array(z.string()).optional() });
const userVerification = z.enum(['discouraged', 'preferred', 'required']);

export const creationOptionsSchema = z.object({
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal('public-key') })),
  timeout: z.number().optional(),
  excludeCredentials: z.array(descriptor).optional(),
  authenticatorSelection: z.object({
    authenticatorAttachment: z.enum(['cross-platform', 'platform']).optional(),
    requireResidentKey: z.boolean().optional(),
    residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
    userVerification: userVerification.optional(),
  }).optional(),
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
});

export const requestOptionsSchema = z.object({
  challenge: z.string(),
  timeout: z.number().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(descriptor).optional(),
  userVerification: userVerification.optional(),
});

export const signInOptionsSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false) }),
  z.object({ available: z.literal(true), options: requestOptionsSchema }),
]);

export const passkeyViewSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
