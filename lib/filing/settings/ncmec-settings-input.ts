/**
 * The request body of PUT /api/settings/ncmec and `ncmec configure` (NcmecSettingsInput in lib/filing/types.ts).
 * NUL cannot be stored in Postgres jsonb, so it is dropped from every string; text is trimmed except the password.
 */
import { z } from 'zod';

const noNul = (s: string) => s.replaceAll('\u0000', '');
const text = (max: number) => z.string().transform((s) => noNul(s).trim()).pipe(z.string().max(max, `At most ${max} characters.`));

const email = z.string().transform((s) => noNul(s).trim()).pipe(z.union([z.literal(''), z.email('Enter a valid reporter email address.').max(254)]));

const webUrl = z.string().transform((s) => noNul(s).trim()).pipe(
  z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Enter a full http(s) address.' }).max(500)]),
);

export const ncmecSettingsInputSchema = z.strictObject({
  environment: z.enum(['test', 'production', 'custom']),
  baseUrl: text(300).optional(),
  allowPrivate: z.boolean().optional(),
  // A colon cannot be sent in an HTTP Basic user-id (RFC 7617).
  username: text(200).pipe(z.string().regex(/^[^:]*$/, 'The username cannot contain a colon.')).optional(),
  password: z.string().transform(noNul).pipe(z.string().max(500, 'At most 500 characters.')).optional(),
  reporter: z.strictObject({ firstName: text(100), lastName: text(100), email, phone: text(40) }).partial().optional(),
  organization: z.strictObject({ name: text(200), companyTemplate: text(4000), termsOfService: text(4000), legalUrl: webUrl }).partial().optional(),
});

export type ParsedNcmecSettingsInput = z.output<typeof ncmecSettingsInputSchema>;
