/**
 * The demo's match bank for the known-bad test image (used by scripts/demo.ts only). Made through the app's own
 * bank verbs as a system actor, so it is audited like any admin's bank; created once, and later demo runs only
 * add an entry that is missing. It must exist before the first sync: then the copies ingested from the demo's
 * fakes match it on arrival and a case opens by itself (severity 5, label csam: above the auto-open setting).
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { createBank } from '@/lib/banks/create-bank';
import { importEntries } from '@/lib/banks/import-entries';
import { KNOWN_BAD_BANK, knownBadHashes } from '../../e2e/fakes/federation/start-scenario';

const ctx: Ctx = { actor: { type: 'system', label: 'demo' } };

export async function ensureDemoBank(): Promise<string> {
  const hashes = await knownBadHashes();
  let bank = await db.hashBank.findUnique({ where: { name: KNOWN_BAD_BANK.name }, select: { id: true } });
  const created = !bank;
  bank ??= await createBank({
    ctx,
    input: {
      name: KNOWN_BAD_BANK.name, kind: 'match', label: KNOWN_BAD_BANK.label, severity: KNOWN_BAD_BANK.severity,
      description: 'The synthetic known-bad test pattern of the demo scenario (harmless; e2e/fakes/federation/known-bad.ts).',
    },
  });
  // PDQ and SHA-256 are both 64 hex characters: one import per signal, so neither is guessed.
  for (const [signal, value] of [['pdq', hashes.pdqHex], ['sha256', hashes.sha256]] as const) {
    const held = await db.bankEntry.findFirst({ where: { bankId: bank.id, signalType: signal, value }, select: { id: true } });
    if (!held) await importEntries({ ctx, input: { bankId: bank.id, text: `${value},known-bad test pattern\n`, file: 'demo-known-bad.csv', signal } });
  }
  return created
    ? `Created the match bank "${KNOWN_BAD_BANK.name}" (csam, severity 5) holding the known-bad test image's PDQ and SHA-256.`
    : `Match bank "${KNOWN_BAD_BANK.name}" is in place: the known-bad test image's case is under Cases.`;
}
