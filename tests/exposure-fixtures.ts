/**
 * Rows for the exposure tests (synthetic only): a report whose one image matches a bank of a given severity and
 * label, with Report.matchSeverity set the way lib/matching sets it, and people of each role.
 */
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import { actorFor, makeAccount, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';

export async function matchedReport(instanceId: string, severity: number, label: string | null = severity ? 'other' : null) {
  const report = await makeReport({ instanceId, targetId: (await makeAccount(instanceId)).id, mediaCount: 1 });
  const { media } = await makeMediaForReport(report.id, instanceId);
  if (severity > 0) {
    const bank = await db.hashBank.create({ data: { name: `bank-${crypto.randomUUID()}`, kind: 'match', severity, label } });
    const entry = await db.bankEntry.create({ data: { bankId: bank.id, signalType: 'sha256', value: crypto.randomBytes(32).toString('hex') } });
    await db.mediaMatch.create({ data: { mediaId: media.id, entryId: entry.id, bankId: bank.id, signalType: 'sha256', distance: 0 } });
    await db.report.update({ where: { id: report.id }, data: { matchSeverity: severity, matchDistance: 0 } });
  }
  return { report, media };
}

export async function person(role: 'owner' | 'admin' | 'moderator' | 'viewer' = 'moderator') {
  const user = await makeUser(role);
  return { user, actor: actorFor(user) };
}

/** `n` severe reveals for the user, `minutesAgo` back (bypassing the verb, to reach a limit quickly). */
export async function pastReveals(userId: string, n: number, severity: number, minutesAgo = 60) {
  const startedAt = new Date(Date.now() - minutesAgo * 60_000);
  await db.exposureEvent.createMany({ data: Array.from({ length: n }, () => ({ id: crypto.randomUUID(), userId, kind: 'reveal' as const, severity, label: 'other', startedAt })) });
}
