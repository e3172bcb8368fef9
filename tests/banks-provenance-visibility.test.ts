/**
 * Issue 8 point 7b: a moderator limited to some instances sees bank entries, but not the provenance (media,
 * report, user, instance) of entries added from instances they cannot see.
 */
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { addMediaToBank } from '@/lib/banks/add-media-to-bank';
import { createBank } from '@/lib/banks/create-bank';
import { getBank } from '@/lib/banks/get-bank';
import { HIDDEN_MEDIA_PROVENANCE } from '@/lib/banks/visible-provenance';
import { admin, seedMedia, uniqueName } from './banks-fixtures';
import { persistActor, userActor } from './support/fixtures';

vi.mock('@/lib/jobs/enqueue', () => ({ enqueueRematch: vi.fn(async () => undefined) }));

describe('bank entry provenance follows instance visibility', () => {
  it('hides where an entry came from when that instance is out of reach', async () => {
    const theirs = await seedMedia();
    const mine = await seedMedia();
    const bank = await createBank({ ctx: { actor: admin }, input: { name: uniqueName('shared'), label: 'spam' } });
    const adder = await persistActor(userActor('moderator', null, '00000000-0000-4000-8000-000000000078'));
    await addMediaToBank({ ctx: { actor: adder }, input: { mediaId: theirs.media.id, bankId: bank.id, label: 'theirs' } });
    await addMediaToBank({ ctx: { actor: adder }, input: { mediaId: mine.media.id, bankId: bank.id, label: 'mine' } });
    await db.bankEntry.create({ data: { bankId: bank.id, signalType: 'md5', value: 'a'.repeat(32), provenance: { source: 'import', file: 'list.csv', line: 3 } } });

    const limited = userActor('moderator', [mine.instance.id], '00000000-0000-4000-8000-000000000079');
    const seen = (await getBank({ ctx: { actor: limited }, input: { id: bank.id } })).entries;
    expect(seen).toHaveLength(7); // every entry is listed: the hashes themselves are shared by the team
    for (const e of seen.filter((x) => x.label === 'theirs')) {
      expect(e.provenance).toEqual(HIDDEN_MEDIA_PROVENANCE);
      expect(JSON.stringify(e.provenance)).not.toContain(theirs.instance.id);
      expect(JSON.stringify(e.provenance)).not.toContain(theirs.media.id);
    }
    for (const e of seen.filter((x) => x.label === 'mine')) expect(e.provenance).toMatchObject({ mediaId: mine.media.id, instanceId: mine.instance.id });
    expect(seen.find((x) => x.label === null)?.provenance).toEqual({ source: 'import', file: 'list.csv', line: 3 });

    // Unlimited users see everything.
    const all = (await getBank({ ctx: { actor: userActor('viewer') }, input: { id: bank.id } })).entries;
    for (const e of all.filter((x) => x.label === 'theirs')) expect(e.provenance).toMatchObject({ mediaId: theirs.media.id });
  });
});
