import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN_ONLY_ACTIONS } from '@/lib/auth/policy';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { Capabilities, ServerKind } from '@/lib/connectors/types';
import { planPurge, type PlanCopy, type PlanInstance } from './plan-purge';

const KINDS: ServerKind[] = ['mastodon', 'gotosocial', 'akkoma', 'lemmy', 'misskey', 'peertube'];
// Every kind's declared options, with every step kind the connector can send (E/F add the missing ones).
const full = (kind: string): Capabilities => {
  const caps = capabilitiesFor(kind as ServerKind);
  return { ...caps, actions: [...new Set([...caps.actions, ...(caps.purge ?? []).flatMap((o) => o.steps.map((s) => s.action.kind))])] };
};

const inst = (id: string, kind: string, domain = `${id}.example`): PlanInstance => ({ id, name: id, kind, baseUrl: `https://${domain}`, domain });
const copy = (id: string, instanceId: string, o: Partial<PlanCopy> = {}): PlanCopy => ({
  id, instanceId, state: 'present', receiptVerdict: null, remotePostId: null, remoteMediaId: null, mediaUrl: null,
  remoteAccountId: null, accountHost: 'origin.example', accountAcct: 'bad@origin.example', ...o,
});
const plan = (instances: PlanInstance[], copies: PlanCopy[], capabilitiesOf = full) =>
  planPurge({ caseId: 'case', instances, copies, lookups: [], capabilitiesOf, sealsFirst: true });

describe('planPurge', () => {
  it('gives two copies by one account on one instance one suspension and one deletion, needing an admin for the deletion', () => {
    const p = plan([inst('m', 'mastodon')], [copy('c1', 'm', { remoteAccountId: '7', remotePostId: '1' }), copy('c2', 'm', { remoteAccountId: '7', remotePostId: '2' })]);
    const opt = p.instances[0].options.find((o) => o.id === 'suspend_delete_data')!;
    expect(p.instances[0].defaultOptionId).toBe('suspend_delete_data');
    expect(opt.steps.map((s) => [s.kind, s.payload, s.copyIds, s.needsAdmin])).toEqual([
      ['account.action', { kind: 'account.action', type: 'suspend', notify: false, accountId: '7' }, ['c1', 'c2'], false],
      ['account.delete', { kind: 'account.delete', accountId: '7' }, ['c1', 'c2'], true],
    ]);
  });

  it('falls back to the next option, with the reason, when the account is unknown', () => {
    const p = plan([inst('m', 'mastodon')], [copy('c1', 'm', { remotePostId: '1' })]);
    const [first, domain] = p.instances[0].options;
    expect(first.unavailable).toMatch(/account is not known/);
    expect(domain.steps[0].payload).toMatchObject({ kind: 'domain.block', domain: 'origin.example', rejectMedia: true });
    expect(p.instances[0].defaultOptionId).toBe('domain_reject_media');
  });

  it('never blocks the instance its own domain, and says so when nothing is left', () => {
    const p = plan([inst('m', 'mastodon', 'origin.example')], [copy('c1', 'm', { remotePostId: '1' })]);
    expect(p.instances[0].defaultOptionId).toBeNull();
    expect(p.instances[0].blocked).toMatch(/this server's own/);
  });

  it('deletes only the drive file of a Misskey copy known by its file alone', () => {
    const p = plan([inst('k', 'misskey')], [copy('c1', 'k', { remoteMediaId: 'f1' }), copy('c2', 'k', { remotePostId: 'n2', remoteMediaId: 'f2' })]);
    expect(p.instances[0].options[0].steps.map((s) => [s.kind, s.copyIds])).toEqual([
      ['status.delete', ['c2']], ['media.delete', ['c1']], ['media.delete', ['c2']],
    ]);
  });

  it('respects a kind\'s post id pattern (PeerTube blocks videos only)', () => {
    const p = plan([inst('p', 'peertube')], [copy('c1', 'p', { remotePostId: 'comment-3' })]);
    const block = p.instances[0].options.find((o) => o.id === 'block_video')!;
    expect(block.unavailable).toMatch(/cannot do status.block/);
  });

  it('marks an option unavailable when the connector cannot send one of its steps yet', () => {
    const p = plan([inst('m', 'mastodon')], [copy('c1', 'm', { remoteAccountId: '7' })], (k) => capabilitiesFor(k as ServerKind) && { ...capabilitiesFor(k as ServerKind), actions: ['account.action'] });
    expect(p.instances[0].options[0].unavailable).toMatch(/cannot send account.delete/);
    expect(p.instances[0].defaultOptionId).toBe('suspend_only');
  });

  it('leaves out copies already removed or accepted, and lists unchecked instances with the lookup\'s reason', () => {
    const p = planPurge({
      caseId: 'case', capabilitiesOf: full, sealsFirst: false,
      instances: [inst('a', 'akkoma'), inst('t', 'peertube'), inst('l', 'lemmy')],
      copies: [copy('gone', 'a', { remotePostId: '1', receiptVerdict: 'removed' }), copy('ok', 'a', { remotePostId: '2', receiptVerdict: 'accepted' })],
      lookups: [{ instanceId: 't', status: 'cannot_check', detail: 'PeerTube cannot look up image posts' }, { instanceId: 'l', status: 'none', detail: null }],
    });
    expect(p.instances).toEqual([]);
    expect(p.unchecked).toEqual([{ instance: { id: 't', name: 't', kind: 'peertube' }, reason: 'PeerTube cannot look up image posts' }]);
  });
});

const instanceArb = fc.uniqueArray(fc.record({ n: fc.integer({ min: 0, max: 5 }), kind: fc.constantFrom(...KINDS) }), { selector: (x) => x.n, minLength: 1, maxLength: 6 });
const copyArb = fc.record({
  on: fc.integer({ min: 0, max: 5 }),
  post: fc.option(fc.constantFrom('1', '2', 'post:3', 'video-4', 'comment-5'), { nil: null }),
  media: fc.option(fc.constantFrom('m1', 'm2'), { nil: null }),
  url: fc.boolean(),
  account: fc.option(fc.constantFrom('a1', 'a2'), { nil: null }),
  host: fc.option(fc.constantFrom('origin.example', 'other.example'), { nil: null }),
  verdict: fc.constantFrom(null, null, null, 'removed', 'accepted', 'still_served'),
});

describe('planPurge (property)', () => {
  it('covers every targeted copy by the default option, with this instance\'s ids only, and admin-only kinds marked', () => {
    fc.assert(fc.property(instanceArb, fc.array(copyArb, { maxLength: 14 }), (insts, raw) => {
      const instances = insts.map((i) => inst(`i${i.n}`, i.kind));
      // Every id carries its instance's name, so a payload with another instance's id is visible.
      const copies = raw.filter((c) => insts.some((i) => i.n === c.on)).map((c, k) => copy(`c${k}`, `i${c.on}`, {
        remotePostId: c.post && `${c.post.replace(/(\d)$/, `$1i${c.on}`)}`, remoteMediaId: c.media && `${c.media}i${c.on}`,
        mediaUrl: c.url ? `https://i${c.on}.example/f/${k}` : null, remoteAccountId: c.account && `${c.account}i${c.on}`,
        accountHost: c.host, receiptVerdict: c.verdict,
      }));
      const p = plan(instances, copies);
      for (const pi of p.instances) {
        const own = copies.filter((c) => c.instanceId === pi.instance.id);
        expect(pi.copyIds.sort()).toEqual(own.filter((c) => c.receiptVerdict !== 'removed' && c.receiptVerdict !== 'accepted').map((c) => c.id).sort());
        for (const o of pi.options) {
          const keys = o.steps.map((s) => JSON.stringify(s.payload));
          expect(new Set(keys).size).toBe(keys.length);
          for (const s of o.steps) {
            expect(s.needsAdmin).toBe(ADMIN_ONLY_ACTIONS.includes(s.kind));
            const ids = [s.payload.statusId, s.payload.mediaId, s.payload.accountId, ...(Array.isArray(s.payload.urls) ? s.payload.urls : [])].filter((x) => typeof x === 'string');
            for (const id of ids) expect(String(id)).toContain(pi.instance.id);
            for (const c of s.copyIds) expect(pi.copyIds).toContain(c);
          }
        }
        if (pi.defaultOptionId) {
          const d = pi.options.find((o) => o.id === pi.defaultOptionId)!;
          expect(d.unavailable).toBeNull();
          expect(pi.options.slice(0, pi.options.indexOf(d)).every((o) => o.unavailable !== null)).toBe(true);
          const covered = new Set(d.steps.flatMap((s) => s.copyIds));
          for (const c of pi.copyIds) expect(covered.has(c)).toBe(true);
        } else {
          expect(pi.blocked).toBeTruthy();
        }
      }
    }), { numRuns: 300 });
  });
});

describe('resolveChoices (what startPurge takes from the client: option ids only)', () => {
  const p = plan(
    [inst('m', 'mastodon'), inst('k', 'misskey'), inst('x', 'mastodon', 'origin.example')],
    [copy('c1', 'm', { remoteAccountId: '7' }), copy('c2', 'k', { remotePostId: 'n1' }), copy('c3', 'x', { remotePostId: '1' })],
  );

  it('takes the default unless told, leaves out skipped instances, and only checks an instance with no option', async () => {
    const { resolveChoices } = await import('./start-purge');
    const r = resolveChoices(p, [{ instanceId: 'm', optionId: 'suspend_only' }]);
    expect(r.chosen.map((c) => [c.instanceId, c.optionId, c.steps.map((s) => s.kind)])).toEqual([
      ['m', 'suspend_only', ['account.action']], ['k', 'delete_note_file', ['status.delete']],
    ]);
    expect(r.checkOnly).toEqual(['x']);
    expect(resolveChoices(p, [{ instanceId: 'k', optionId: 'skip' }]).chosen.map((c) => c.instanceId)).toEqual(['m']);
  });

  it('refuses an unknown option, an unavailable one (with its reason) and an instance not in the plan', async () => {
    const { resolveChoices } = await import('./start-purge');
    expect(() => resolveChoices(p, [{ instanceId: 'm', optionId: 'nuke' }])).toThrow(/unknown purge option/);
    expect(() => resolveChoices(p, [{ instanceId: 'k', optionId: 'delete_account' }])).toThrow(expect.objectContaining({ code: 'bad_request', userMessage: expect.stringMatching(/account is not known/) }));
    expect(() => resolveChoices(p, [{ instanceId: 'zz', optionId: 'skip' }])).toThrow(/not in the plan/);
  });
});
