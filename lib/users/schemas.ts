/** Zod shapes shared by the user verbs and their route handlers, so both ends agree on the rules. */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';

export const roleSchema = z.enum(['owner', 'admin', 'moderator', 'viewer']);

/** Emails are compared case-insensitively everywhere, so they are stored lowercased. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(320));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const nameSchema = z.string().trim().max(100).default('');

export const instanceIdsSchema = z.array(z.uuid()).max(500);
