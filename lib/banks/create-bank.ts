import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { bankDescription, bankKind, bankLabel, bankName, severity } from './bank-fields';
import { assertNameFree } from './bank-name';

export const createBankInput = z
  .object({
    name: bankName,
    kind: bankKind.default('match'),
    label: bankLabel.optional(),
    severity: severity.optional(),
    description: bankDescription.default(''),
  })
  // Allow banks only suppress matches: a label or severity there would suggest they flag something.
  .refine((b) => b.kind === 'match' || (b.label === undefined && b.severity === undefined), { message: 'Allow banks have no label or severity.', path: ['kind'] })
  .refine((b) => b.kind === 'allow' || b.label !== undefined, { message: 'Choose a label for a match bank.', path: ['label'] });

export type CreateBankInput = z.input<typeof createBankInput>;

/** Creates an empty bank; entries arrive by import or from reports, and those trigger rematching. */
export async function createBank({ ctx, input }: { ctx: Ctx; input: CreateBankInput }) {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'bank.create');
  const data = createBankInput.parse(input);
  const values = {
    name: data.name,
    kind: data.kind,
    label: data.kind === 'match' ? (data.label ?? null) : null,
    severity: data.kind === 'match' ? (data.severity ?? 3) : 0,
    description: data.description,
  };
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, values.name);
    const bank = await tx.hashBank.create({ data: values });
    await recordEvent(tx, { actor: ctx.actor, action: 'bank.created', targetType: 'bank', targetId: bank.id, details: values });
    return bank;
  });
}
