/**
 * Creates an account directly. The admin UI invites instead; this is the operator's path
 * (`npm run cli -- users create --email E --role owner`, with a system actor), which is how a first owner can
 * exist without the setup link. Returns the password once, generated if none was given.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canManageUsers } from '@/lib/auth/policy';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { SETUP_TOKEN_KEY } from '@/lib/auth/setup-token';
import { canGrantRole } from './role-rules';
import { emailSchema, nameSchema, passwordSchema, roleSchema } from './schemas';
import { assertEmailFree } from './unique-email';
import { generatePseudonym } from '@/lib/team/generate-pseudonym';
import { toUserView, userViewSelect, type UserView } from './user-view';

export const createUserInput = z.object({
  email: emailSchema,
  role: roleSchema,
  name: nameSchema,
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export async function createUser({ ctx, input }: { ctx: Ctx; input: CreateUserInput }): Promise<{ user: UserView; password: string; generated: boolean }> {
  assertAllowed(canManageUsers(ctx.actor), 'users.create');
  const data = createUserInput.parse(input);
  assertAllowed(canGrantRole(ctx.actor, data.role), `grant role ${data.role}`);
  const password = data.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    await assertEmailFree(tx, data.email);
    const created = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash, pseudonym: await generatePseudonym(tx) }, select: userViewSelect });
    // Once anyone exists the first-run link must stop working.
    await tx.setting.deleteMany({ where: { key: SETUP_TOKEN_KEY } });
    await recordEvent(tx, {
      actor: ctx.actor,
      action: 'user.created',
      targetType: 'user',
      targetId: created.id,
      details: { email: created.email, role: created.role, credential: data.password ? 'given' : 'generated' },
    });
    return created;
  });
  return { user: toUserView(user), password, generated: data.password === undefined };
}
