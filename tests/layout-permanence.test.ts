/**
 * Issue 12 point 5: reversible and permanent actions look different, and one label per action serves the form and
 * the history. Pure: the real capability tables of every server kind, no database.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { permanenceOf } from '@/components/actions/permanence';
import { ACCOUNT_ACTION_LABELS, ACCOUNT_UNDO_LABELS, ACTION_KINDS, describeAction, kindLabel } from '@/components/actions/labels';
import { ACTION_LABELS } from '@/lib/connectors/action-labels';
import { akkomaCapabilities } from '@/lib/connectors/akkoma/capabilities';
import { gotosocialCapabilities } from '@/lib/connectors/gotosocial/capabilities';
import { lemmyCapabilities } from '@/lib/connectors/lemmy/capabilities';
import { mastodonCapabilities } from '@/lib/connectors/mastodon/capabilities';
import { misskeyCapabilities } from '@/lib/connectors/misskey/capabilities';
import { peertubeCapabilities } from '@/lib/connectors/peertube/capabilities';

const ALL = { mastodon: mastodonCapabilities, gotosocial: gotosocialCapabilities, akkoma: akkomaCapabilities, misskey: misskeyCapabilities, lemmy: lemmyCapabilities, peertube: peertubeCapabilities };

describe('permanence', () => {
  it.each(['account.delete', 'status.purge', 'media.delete', 'media.purge', 'report.forward'])('%s is permanent on every server', (kind) => {
    for (const caps of Object.values(ALL)) {
      const p = permanenceOf({ kind }, caps);
      expect(p).toMatchObject({ permanent: true, undoable: false });
      expect(p.why.length).toBeGreaterThan(10);
    }
  });

  it('post deletion is permanent except where the server removes reversibly (Lemmy)', () => {
    expect(permanenceOf({ kind: 'status.delete' }, mastodonCapabilities).permanent).toBe(true);
    expect(permanenceOf({ kind: 'status.delete' }, misskeyCapabilities).permanent).toBe(true);
    expect(permanenceOf({ kind: 'status.delete' }, lemmyCapabilities).permanent).toBe(false);
  });

  it('a domain block is permanent when it suspends, not when it limits', () => {
    expect(permanenceOf({ kind: 'domain.block', severity: 'suspend' }, mastodonCapabilities).permanent).toBe(true);
    expect(permanenceOf({ kind: 'domain.block', severity: 'silence' }, mastodonCapabilities).permanent).toBe(false);
    expect(permanenceOf({ kind: 'domain.block', severity: 'noop' }, mastodonCapabilities).permanent).toBe(false);
  });

  it('suspend is reversible, and "can be undone" only where the server offers the undo', () => {
    const mastodon = permanenceOf({ kind: 'account.action', type: 'suspend' }, mastodonCapabilities);
    expect(mastodon).toMatchObject({ permanent: false, undoable: true });
    expect(mastodon.why).toContain('Unsuspend');
    // GoToSocial cannot lift a suspension through its API; Akkoma has no suspension to undo.
    expect(permanenceOf({ kind: 'account.action', type: 'suspend' }, gotosocialCapabilities)).toMatchObject({ permanent: false, undoable: false });
    expect(permanenceOf({ kind: 'account.action', type: 'suspend' }, akkomaCapabilities).undoable).toBe(false);
    expect(permanenceOf({ kind: 'account.action', type: 'silence' }, akkomaCapabilities).undoable).toBe(true);
    expect(permanenceOf({ kind: 'account.action', type: 'silence' }, lemmyCapabilities).undoable).toBe(false);
    expect(permanenceOf({ kind: 'account.action', type: 'none' }, mastodonCapabilities)).toMatchObject({ permanent: false, undoable: false });
  });

  it('resolve can be undone where the server reopens (Mastodon), not where it cannot (Misskey, GoToSocial)', () => {
    expect(permanenceOf({ kind: 'report.resolve' }, mastodonCapabilities).undoable).toBe(true);
    expect(permanenceOf({ kind: 'report.resolve' }, misskeyCapabilities)).toMatchObject({ permanent: false, undoable: false, why: 'This server cannot reopen a report.' });
    expect(permanenceOf({ kind: 'report.resolve' }, gotosocialCapabilities).undoable).toBe(false);
  });

  it('mark sensitive and video block are reversible and undoable', () => {
    expect(permanenceOf({ kind: 'status.sensitive', sensitive: true }, akkomaCapabilities)).toMatchObject({ permanent: false, undoable: true });
    expect(permanenceOf({ kind: 'status.block', blocked: true }, peertubeCapabilities)).toMatchObject({ permanent: false, undoable: true });
  });

  it('never throws and never calls something both permanent and undoable', () => {
    const kind = fc.oneof(fc.constantFrom(...ACTION_KINDS), fc.string());
    fc.assert(fc.property(kind, fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.boolean(), fc.constant(undefined))), fc.constantFrom(...Object.values(ALL)), (k, payload, caps) => {
      const p = permanenceOf({ ...payload, kind: k }, caps);
      expect(p.permanent && p.undoable).toBe(false);
    }));
  });
});

describe('action labels', () => {
  const everyKind = new Set([...ACTION_LABELS.map((a) => a.kind), ...Object.values(ALL).flatMap((c) => c.actions), ...ACTION_KINDS]);

  it('name every action kind, in the panel and in the history', () => {
    for (const kind of everyKind) {
      expect(kindLabel(kind), kind).not.toBe(kind);
      expect(describeAction(kind, {}), kind).not.toBe(kind);
    }
    expect(new Set(ACTION_KINDS)).toEqual(new Set(ACTION_LABELS.map((a) => a.kind)));
  });

  it('the history names account actions with the form\'s words', () => {
    for (const [type, label] of Object.entries(ACCOUNT_ACTION_LABELS)) expect(describeAction('account.action', { type })).toBe(`${label} account`);
    for (const [type, label] of Object.entries(ACCOUNT_UNDO_LABELS)) expect(describeAction('account.undo', { type })).toBe(`${label} account`);
    // The names e2e/ and moderators already know.
    expect(describeAction('account.action', { type: 'suspend' })).toBe('Suspend account');
    expect(describeAction('account.action', { type: 'silence' })).toBe('Limit (silence) account');
  });

  it('a Lemmy removal is "Remove post" in the history, as on its button', () => {
    expect(describeAction('status.delete', {}, lemmyCapabilities)).toBe('Remove post');
    expect(describeAction('status.delete', {}, mastodonCapabilities)).toBe('Delete post');
  });
});
