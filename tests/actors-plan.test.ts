/**
 * The pure parts of the account pages: the handle parser (fast-check: never anything but a clear bad_request, and
 * what it accepts round-trips), one word per state, the apply plan's reasons, and the state table's markup.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountState } from '@/lib/actors/account-state';
import { applyEverywhereInput } from '@/lib/actors/apply-input';
import { accountHandle, decodeSegment, parseDomain, parseHandle } from '@/lib/actors/handle';
import { planOne, type PlanTarget } from '@/lib/actors/plan-apply';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ServerKind } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { AccountStates } from '@/components/actors/account-states';

const clean = { suspended: false, silenced: false, disabled: false, sensitized: false };

function target(kind: ServerKind, over: Partial<PlanTarget> = {}): PlanTarget {
  return {
    instance: { id: `i-${kind}`, name: `Fake ${kind}`, kind, domain: `${kind}.test`, status: 'ok' },
    caps: capabilitiesFor(kind), canRequest: true, account: { ...clean, remoteId: 'r1' }, block: null, ...over,
  };
}

describe('parseHandle', () => {
  it('never throws anything but a bad_request, and what it accepts round-trips', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (raw) => {
      try {
        const h = parseHandle(raw);
        expect(h.handle).toBe(h.handle.toLowerCase());
        expect(parseHandle(h.handle).handle).toBe(h.handle);
        expect(accountHandle(h.username, h.domain, 'other.test')).toBe(h.handle);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('bad_request');
      }
    }));
  });

  it('accepts the forms people paste', () => {
    expect(parseHandle(' @Alice@Example.Social ').handle).toBe('alice@example.social');
    expect(parseDomain('Example.Social.')).toBe('example.social');
    expect(decodeSegment('alice%40example.social')).toBe('alice@example.social');
    expect(() => decodeSegment('%E0%A4%A')).toThrow(AppError);
  });
});

describe('accountState', () => {
  it('puts a suspension first, then a domain block, and tells unknown from nothing', () => {
    expect(accountState({ ...clean, suspended: true, silenced: true }, true)).toBe('suspended');
    expect(accountState({ ...clean, silenced: true }, true)).toBe('blocked');
    expect(accountState(null, true)).toBe('blocked');
    expect(accountState(null, false)).toBe('unknown');
    expect(accountState(clean, false)).toBe('nothing');
    expect(accountState({ ...clean, silenced: true }, false)).toBe('limited');
    expect(accountState({ ...clean, disabled: true, sensitized: true }, false)).toBe('disabled');
  });
});

describe('planOne', () => {
  const suspend = { kind: 'account.action', type: 'suspend' } as const;
  const silence = { kind: 'account.action', type: 'silence' } as const;
  const block = (severity: 'silence' | 'suspend') => ({ kind: 'domain.block', severity, rejectMedia: false, rejectReports: false }) as const;

  it('queues where the server can and the account is known', () => {
    expect(planOne(suspend, target('mastodon'))).toMatchObject({ outcome: 'queued', remoteAccountId: 'r1' });
    expect(planOne(suspend, target('lemmy')).outcome).toBe('queued');
  });

  it('says why it skips, in words', () => {
    const reason = (a: Parameters<typeof planOne>[0], t: PlanTarget) => { const r = planOne(a, t); return r.outcome === 'skipped' ? r.reason : null; };
    expect(reason(silence, target('lemmy'))).toBe('Lemmy cannot limit accounts');
    expect(reason(suspend, target('akkoma'))).toBe('Akkoma cannot suspend accounts');
    expect(reason(suspend, target('mastodon', { account: null }))).toBe('this account was never seen on this instance');
    expect(reason(suspend, target('mastodon', { account: { ...clean, suspended: true, remoteId: 'r1' } }))).toBe('already suspended');
    expect(reason(silence, target('mastodon', { account: { ...clean, silenced: true, remoteId: 'r1' } }))).toBe('already limited');
    expect(reason(suspend, target('mastodon', { canRequest: false }))).toBe('you cannot act on this instance');
    expect(reason(block('suspend'), target('akkoma', { domain: 'bad.example' }))).toBe('Akkoma cannot block domains from here');
    expect(reason(block('silence'), target('gotosocial', { domain: 'bad.example' }))).toBe('GoToSocial cannot limit a domain, only block it fully');
    expect(reason(block('suspend'), target('mastodon', { domain: 'mastodon.test' }))).toBe("this is the instance's own domain");
    expect(reason(block('suspend'), target('mastodon', { domain: 'bad.example', block: { severity: 'suspend', at: new Date() } }))).toBe('already blocked');
    // A limited domain can still be blocked fully.
    expect(planOne(block('suspend'), target('mastodon', { domain: 'bad.example', block: { severity: 'silence', at: new Date() } })).outcome).toBe('queued');
  });
});

describe('applyEverywhereInput', () => {
  it('refuses what the buttons never send', () => {
    const ok = { subject: { type: 'account', handle: 'a@b.example' }, action: { kind: 'account.action', type: 'suspend' } };
    expect(applyEverywhereInput.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, action: { kind: 'account.action', type: 'delete' } },
      { ...ok, subject: { type: 'account', handle: 'nobody' } },
      { ...ok, subject: { type: 'domain', domain: 'not a domain' } },
      { ...ok, instanceIds: ['x'] },
      { ...ok, extra: 1 },
    ]) expect(applyEverywhereInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('AccountStates', () => {
  it('renders one row per instance with its state and says "not seen" in words', () => {
    const html = renderToString(createElement(AccountStates, { states: [
      { instance: { id: 'a', name: 'A', kind: 'mastodon', domain: 'a.test' }, state: 'suspended', accountId: 'x', remoteId: '1', seenAt: '2026-01-01T00:00:00Z', domainBlocked: false },
      { instance: { id: 'b', name: 'B', kind: 'lemmy', domain: 'b.test' }, state: 'unknown', accountId: null, remoteId: null, seenAt: null, domainBlocked: false },
    ] }));
    expect(html).toContain('data-testid="account-states"');
    expect(html.match(/data-testid="state-row"/g)).toHaveLength(2);
    expect(html).toContain('data-state="suspended"');
    expect(html).toContain('Not seen on this instance');
  });
});
