/**
 * Issue 13, policy and allowlist: the stored policy falls back on defaults field by field, owners and admins change
 * it within bounds (audited), moderators keep the allowlist (normalized domains, audited), viewers only read.
 */
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { addAllow } from '@/lib/blocklists/policy/add-allow';
import { getPolicy } from '@/lib/blocklists/policy/get-policy';
import { listAllow } from '@/lib/blocklists/policy/list-allow';
import { POLICY_KEY } from '@/lib/blocklists/policy/policy-schema';
import { removeAllow } from '@/lib/blocklists/policy/remove-allow';
import { updatePolicy } from '@/lib/blocklists/policy/update-policy';
import { DEFAULT_POLICY } from '@/lib/blocklists/types';
import { userActor } from './support/fixtures';

const admin = { actor: userActor('admin') };
const owner = { actor: userActor('owner') };
const moderator = { actor: userActor('moderator') };
const viewer = { actor: userActor('viewer') };

describe('merge policy', () => {
  it('reads the default when nothing is stored, and each bad field as its default', async () => {
    expect(await getPolicy()).toEqual(DEFAULT_POLICY);
    await db.setting.create({ data: { key: POLICY_KEY, value: { threshold: 'three', severity: 'agreed', autoRetract: 1 } } });
    expect(await getPolicy()).toEqual({ threshold: DEFAULT_POLICY.threshold, severity: 'agreed', autoRetract: DEFAULT_POLICY.autoRetract });
    await db.setting.update({ where: { key: POLICY_KEY }, data: { value: 'garbage' } });
    expect(await getPolicy()).toEqual(DEFAULT_POLICY);
    await db.setting.delete({ where: { key: POLICY_KEY } });
  });

  it('admins and owners change it partially, audited with before and after', async () => {
    expect(await updatePolicy({ ctx: admin, input: { threshold: 3 } })).toEqual({ ...DEFAULT_POLICY, threshold: 3 });
    expect(await updatePolicy({ ctx: owner, input: { severity: 'agreed', autoRetract: true } })).toEqual({ threshold: 3, severity: 'agreed', autoRetract: true });
    expect(await getPolicy()).toEqual({ threshold: 3, severity: 'agreed', autoRetract: true });
    const events = await db.auditEvent.findMany({ where: { action: 'blocklist.policy.updated' }, orderBy: { seq: 'asc' } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ targetType: 'blocklist_policy', targetId: null });
    expect(events[1].details).toMatchObject({ from: { threshold: 3, severity: 'max' }, to: { severity: 'agreed', autoRetract: true } });
    await updatePolicy({ ctx: admin, input: { ...DEFAULT_POLICY } });
  });

  it('refuses moderators, viewers and out-of-range values with a readable message', async () => {
    await expect(updatePolicy({ ctx: moderator, input: { threshold: 1 } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updatePolicy({ ctx: viewer, input: { threshold: 1 } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updatePolicy({ ctx: admin, input: { threshold: 0 } })).rejects.toMatchObject({ code: 'bad_request', userMessage: 'The threshold is at least 1.' });
    await expect(updatePolicy({ ctx: admin, input: { threshold: 21 } })).rejects.toMatchObject({ code: 'bad_request', userMessage: 'The threshold is at most 20.' });
    await expect(updatePolicy({ ctx: admin, input: { threshold: 2.5 } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(updatePolicy({ ctx: admin, input: { severity: 'min' as 'max' } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(updatePolicy({ ctx: admin, input: { extra: 1 } as object })).rejects.toMatchObject({ code: 'bad_request' });
    expect(await getPolicy()).toEqual(DEFAULT_POLICY);
  });
});

describe('allowlist', () => {
  it('moderators add normalized domains and remove them, audited; viewers read', async () => {
    const added = await addAllow({ ctx: moderator, input: { domain: '  *.Friends.Example. ', comment: 'our friends' } });
    expect(added).toMatchObject({ domain: 'friends.example', comment: 'our friends' });
    await addAllow({ ctx: moderator, input: { domain: 'bücher.example' } });
    expect((await listAllow({ ctx: viewer })).map((a) => a.domain)).toEqual(['friends.example', 'xn--bcher-kva.example']);
    await expect(addAllow({ ctx: moderator, input: { domain: 'friends.example' } })).rejects.toMatchObject({ code: 'conflict' });
    await removeAllow({ ctx: moderator, input: { domain: 'FRIENDS.example' } });
    expect((await listAllow({ ctx: viewer })).map((a) => a.domain)).toEqual(['xn--bcher-kva.example']);
    const events = await db.auditEvent.findMany({ where: { targetType: 'domain', targetId: 'friends.example' }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['blocklist.allow.added', 'blocklist.allow.removed']);
    await expect(removeAllow({ ctx: moderator, input: { domain: 'friends.example' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses viewers and what is not a domain', async () => {
    await expect(addAllow({ ctx: viewer, input: { domain: 'x.example' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeAllow({ ctx: viewer, input: { domain: 'xn--bcher-kva.example' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addAllow({ ctx: moderator, input: { domain: '' } })).rejects.toMatchObject({ code: 'bad_request', userMessage: 'Type a domain.' });
    await expect(addAllow({ ctx: moderator, input: { domain: 'bad domain!' } })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/^That is not a domain/) });
    await expect(addAllow({ ctx: moderator, input: { domain: 'ok.example', comment: 'x'.repeat(501) } })).rejects.toMatchObject({ code: 'bad_request' });
    expect(await db.blocklistAllow.count({ where: { domain: 'ok.example' } })).toBe(0);
  });
});
