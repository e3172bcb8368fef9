import { describe, expect, it } from 'vitest';
import { planHoldStep } from '@/lib/holding/plan-step';
import type { HoldLevel, PlanInput } from '@/lib/holding/types';
import type { ServerKind } from '@/lib/connectors/types';

const post = (remoteId = '1', visibility: string | null = 'public') => ({ id: '00000000-0000-4000-8000-0000000000aa', remoteId, visibility });
const plan = (kind: ServerKind, level: HoldLevel, allowSuspend: boolean, status: PlanInput['status'] = post()) =>
  planHoldStep({ kind, level, allowSuspend, status, hasMedia: true });
const brief = (p: ReturnType<typeof planHoldStep>) => (p.step ? `${p.step.action.kind}:${String(p.step.action.type ?? p.step.action.visibility ?? p.step.action.blocked ?? p.step.action.sensitive)}` : null);

// Expected step per kind x level x allowSuspend, for an item with a public post (PeerTube: a video).
const TABLE: Record<ServerKind, Record<HoldLevel, [string | null, string | null]>> = {
  mastodon: { sensitive: ['account.action:sensitive', 'account.action:sensitive'], hide: ['account.action:silence', 'account.action:silence'], suspend: ['account.action:suspend', 'account.action:suspend'] },
  akkoma: { sensitive: ['status.sensitive:true', 'status.sensitive:true'], hide: ['status.visibility:private', 'status.visibility:private'], suspend: [null, null] },
  gotosocial: { sensitive: [null, null], hide: [null, null], suspend: [null, null] },
  misskey: { sensitive: [null, 'account.action:suspend'], hide: [null, 'account.action:suspend'], suspend: ['account.action:suspend', 'account.action:suspend'] },
  lemmy: { sensitive: [null, 'account.action:suspend'], hide: [null, 'account.action:suspend'], suspend: ['account.action:suspend', 'account.action:suspend'] },
  peertube: { sensitive: ['status.block:true', 'status.block:true'], hide: ['status.block:true', 'status.block:true'], suspend: ['account.action:suspend', 'account.action:suspend'] },
};

describe('planHoldStep', () => {
  for (const [kind, levels] of Object.entries(TABLE) as [ServerKind, Record<HoldLevel, [string | null, string | null]>][]) {
    for (const [level, [without, withSuspend]] of Object.entries(levels) as [HoldLevel, [string | null, string | null]][]) {
      it(`${kind} ${level}: ${without ?? 'nothing'} / with suspend ${withSuspend ?? 'nothing'}`, () => {
        const remoteId = kind === 'peertube' ? 'video-7' : kind === 'lemmy' ? 'post:7' : '7';
        for (const [allow, want] of [[false, without], [true, withSuspend]] as const) {
          const p = plan(kind, level, allow, post(remoteId));
          expect(brief(p)).toBe(want);
          if (p.step) {
            // Every step comes with its undo, of the same subject, and is never a deletion.
            expect(p.step.undo.kind).toBe(p.step.action.kind === 'account.action' ? 'account.undo' : p.step.action.kind);
            expect(['status.delete', 'status.purge', 'account.delete']).not.toContain(p.step.action.kind);
            expect(p.step.label.length).toBeGreaterThan(5);
          } else {
            expect(p.reason).toMatch(/pinned for review, nothing hidden/);
          }
        }
      });
    }
  }

  it('says in words why GoToSocial holds nothing', () => {
    expect(plan('gotosocial', 'sensitive', true).reason).toBe('GoToSocial cannot undo a suspension and offers no milder step: pinned for review, nothing hidden');
  });

  it('falls back to the account where there is no post, and goes up the ladder', () => {
    expect(brief(plan('akkoma', 'sensitive', false, null))).toBe('account.action:sensitive');
    expect(brief(plan('akkoma', 'hide', false, null))).toBe('account.action:silence');
    expect(brief(plan('peertube', 'sensitive', false, null))).toBeNull();
    expect(brief(plan('peertube', 'sensitive', true, null))).toBe('account.action:suspend');
  });

  it('respects the post id pattern (PeerTube comments cannot be blocked)', () => {
    expect(brief(plan('peertube', 'hide', false, post('comment-3-9')))).toBeNull();
    expect(brief(plan('peertube', 'hide', true, post('comment-3-9')))).toBe('account.action:suspend');
  });

  it('makes a post private only when it is more visible, and undoes to what it was', () => {
    const p = plan('akkoma', 'hide', false, post('7', 'unlisted'));
    expect(p.step?.undo).toEqual({ kind: 'status.visibility', statusId: post().id, visibility: 'unlisted' });
    expect(brief(plan('akkoma', 'hide', false, post('7', 'private')))).toBe('account.action:silence');
    expect(brief(plan('akkoma', 'hide', false, post('7', null)))).toBe('account.action:silence');
  });

  it('never e-mails the account about a provisional step', () => {
    expect(plan('mastodon', 'hide', false).step?.action).toMatchObject({ notify: false });
  });
});
