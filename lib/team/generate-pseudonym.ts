/**
 * A friendly pseudonym for a new colleague ("quiet-heron"): calm nature words, so the name a server sees is
 * neither a real name nor something that provokes. Checked against the team; a number is added when the pair is
 * taken. Unique case-insensitively because every stored pseudonym is lower case.
 */
import { randomInt } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { db } from '@/lib/db';

export const ADJECTIVES: readonly string[] = [
  'quiet', 'gentle', 'calm', 'still', 'mossy', 'misty', 'sunny', 'mild', 'soft', 'steady', 'patient', 'silver',
  'amber', 'green', 'cool', 'clear', 'bright', 'slow', 'kind', 'warm', 'hazel', 'snowy', 'dewy', 'leafy',
];
export const NOUNS: readonly string[] = [
  'heron', 'willow', 'brook', 'fern', 'otter', 'meadow', 'pine', 'lark', 'cedar', 'harbor', 'birch', 'robin',
  'pebble', 'river', 'maple', 'finch', 'clover', 'aspen', 'lake', 'wren', 'reed', 'cove', 'grove', 'badger',
];

type Chooser = (max: number) => number;

/** Pure: one adjective-noun pair, with `-n` when a suffix is given. */
export function pseudonymCandidate(pick: Chooser, suffix?: number): string {
  const base = `${ADJECTIVES[pick(ADJECTIVES.length)]}-${NOUNS[pick(NOUNS.length)]}`;
  return suffix === undefined ? base : `${base}-${suffix}`;
}

/** A pseudonym no one in the team has yet. A concurrent pick of the same one fails on the unique index. */
export async function generatePseudonym(client: { user: Tx['user'] } = db, pick: Chooser = randomInt): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    // Plain pairs first (576 of them); then numbered ones, which never run out.
    const candidate = pseudonymCandidate(pick, attempt < 8 ? undefined : 2 + pick(attempt < 20 ? 98 : 9998));
    const taken = await client.user.findFirst({ where: { pseudonym: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  return `staff-${randomInt(16 ** 8).toString(16).padStart(8, '0')}`;
}
