/**
 * First run without default passwords: while no user exists, the server prints a one-time setup link.
 * Only the token's SHA-256 is stored (Setting 'setup_token'); it lasts 24 h and is replaced on every start,
 * so an old log line stops working once the server restarts.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { recordEvent } from '@/lib/audit/record-event';
import { hashPassword } from './password';
import { hashToken, newToken, tokenMatches } from './tokens';
import { emailSchema, nameSchema, passwordSchema } from '@/lib/users/schemas';
import { generatePseudonym } from '@/lib/team/generate-pseudonym';

export const SETUP_TOKEN_KEY = 'setup_token';
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const storedSchema = z.object({ hash: z.string(), createdAt: z.iso.datetime() });

export const ownerInputSchema = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema });
export type OwnerInput = z.input<typeof ownerInputSchema>;

/** Returns a fresh token to print while nobody has an account yet; null once someone does. */
export async function ensureSetupToken(): Promise<string | null> {
  if (await db.user.findFirst({ select: { id: true } })) {
    await db.setting.deleteMany({ where: { key: SETUP_TOKEN_KEY } });
    return null;
  }
  const token = newToken();
  const value = { hash: hashToken(token), createdAt: new Date().toISOString() };
  await db.setting.upsert({ where: { key: SETUP_TOKEN_KEY }, create: { key: SETUP_TOKEN_KEY, value }, update: { value } });
  return token;
}

/** The line the start script and CLI print. */
export function setupLink(token: string): string {
  return `${appUrl()}/setup?token=${encodeURIComponent(token)}`;
}

function isLive(value: unknown, token: string, now = Date.now()): boolean {
  const parsed = storedSchema.safeParse(value);
  if (!parsed.success) return false;
  const fresh = now - Date.parse(parsed.data.createdAt) < SETUP_TOKEN_TTL_MS;
  return tokenMatches(token, parsed.data.hash) && fresh;
}

/** For the setup page: say "this link expired" before the owner fills in the form. */
export async function checkSetupToken(token: string): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: SETUP_TOKEN_KEY } });
  return row !== null && isLive(row.value, token);
}

function invalidToken(): AppError {
  return new AppError('forbidden', 'setup token invalid or expired', { userMessage: 'This setup link is not valid or has expired. Restart the server for a new one.' });
}

export async function consumeSetupToken(token: string, input: OwnerInput): Promise<{ id: string; email: string }> {
  const data = ownerInputSchema.parse(input);
  // Cheap check first, so a wrong token never costs a password hash.
  if (!(await checkSetupToken(token))) throw invalidToken();
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: SETUP_TOKEN_KEY } });
    if (!row || !isLive(row.value, token)) throw invalidToken();
    // Deleting first row-locks the token: a second concurrent request waits here, then finds nothing.
    const removed = await tx.setting.deleteMany({ where: { key: SETUP_TOKEN_KEY } });
    if (removed.count !== 1) throw new AppError('forbidden', 'setup token already used', { userMessage: 'This setup link has already been used.' });
    if (await tx.user.findFirst({ select: { id: true } })) {
      throw new AppError('conflict', 'setup refused: users exist', { userMessage: 'Setup is already complete. Please sign in.' });
    }
    const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash, role: 'owner', pseudonym: await generatePseudonym(tx) } });
    await recordEvent(tx, {
      actor: { type: 'system', label: 'setup' },
      action: 'user.owner_created',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email },
    });
    return { id: user.id, email: user.email };
  });
}
