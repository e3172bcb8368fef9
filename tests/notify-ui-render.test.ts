/**
 * The notifications page rendered to HTML (react-dom/server, no browser): admins only, the hooks listed with their
 * kind, target, events, last status/error and pending count, never a secret; the one sentence saying what is sent;
 * a label on every input; test ids the e2e spec uses; the private-address box only for owners; theme tokens only.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { NotifyHookView } from '@/lib/notify/types';
import { systemActor } from './support/fixtures';
import { actorFor, makeUser } from './queue-fixtures';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined }), usePathname: () => '/safety/notifications' }));

const { default: NotificationsPage } = await import('@/app/(dashboard)/safety/notifications/page');
const { NotifyHookList } = await import('@/components/safety/notify-hook-list');
const { NotifyHookForm } = await import('@/components/safety/notify-hook-form');
const { saveHook } = await import('@/lib/notify/save-hook');

const SECRET = 'ui-secret-3e9a71';

/** Every input/select has a name: inside a <label>, or aria-label(ledby). */
function unlabelled(html: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)(label|input|select|textarea)([^>]*)>/g)) {
    const [whole, close, tag, attrs] = m;
    if (tag === 'label') { depth += close ? -1 : 1; continue; }
    if (close || /type="hidden"/.test(attrs)) continue;
    if (depth === 0 && !/aria-label(ledby)?="/.test(attrs)) out.push(whole);
  }
  return out;
}

function assertClean(html: string) {
  expect(unlabelled(html)).toEqual([]);
  expect(html).not.toMatch(/bg-white|text-black|text-white|#[0-9a-f]{6}\b/i);
  expect(html).not.toContain(SECRET);
}

const view = (over: Partial<NotifyHookView> = {}): NotifyHookView => ({
  id: '00000000-0000-4000-8000-0000000000e1', name: 'Mods room', kind: 'matrix', url: 'https://matrix.example', room: '!mods:example', allowPrivate: false,
  enabled: true, events: ['hold.placed', 'hold.overdue'], lastStatus: 'failed', lastError: 'Matrix PUT room message: HTTP 403 <b>x</b>', lastSentAt: null, pending: 2, ...over,
});
const noop = () => undefined;

let admin: Awaited<ReturnType<typeof actorFor>>, owner: typeof admin, moderator: typeof admin;
beforeAll(async () => {
  [admin, owner, moderator] = await Promise.all((['admin', 'owner', 'moderator'] as const).map(async (r) => actorFor(await makeUser(r))));
  await saveHook({ ctx: { actor: systemActor }, input: { name: 'Team chat', kind: 'json', url: 'https://chat.example/hook', secret: SECRET, enabled: true, events: ['hold.placed'] } });
});

describe('notifications page', () => {
  it('is for admins: a moderator is refused', async () => {
    session.actor = moderator;
    await expect(NotificationsPage()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lists the stored hooks and says what is sent, without the secret; owners see the private-address box', async () => {
    session.actor = admin;
    const html = renderToStaticMarkup((await NotificationsPage()) as ReactElement);
    assertClean(html);
    expect(html).toContain('Team chat');
    expect(html).toContain('https://chat.example/hook');
    expect(html).toContain('never post text, images or media links');
    expect(html).toContain('data-testid="notify-hook-row"');
    expect(html).toContain('data-testid="notify-hook-form"');
    expect(html).toContain('aria-live="polite"');
    expect(html).not.toContain('notify-form-allow-private');
    session.actor = owner;
    expect(renderToStaticMarkup((await NotificationsPage()) as ReactElement)).toContain('data-testid="notify-form-allow-private"');
    expect(await db.notifyHook.count()).toBe(1);
  });
});

describe('hook list and form', () => {
  it('shows kind, target, events, last status and error (escaped) and the pending count', () => {
    const html = renderToStaticMarkup(createElement(NotifyHookList, { hooks: [view()], busyId: null, onEdit: noop, onTest: noop, onRemove: noop }));
    assertClean(html);
    for (const text of ['Mods room', 'Matrix', 'https://matrix.example', '!mods:example', 'Something was held', 'A hold was not reviewed in time', 'failed', '2 waiting', 'Send test', 'Remove']) expect(html).toContain(text);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
    expect(renderToStaticMarkup(createElement(NotifyHookList, { hooks: [], busyId: null, onEdit: noop, onTest: noop, onRemove: noop }))).toContain('No hooks yet');
  });

  it('edit form: secret empty with "leave empty to keep", the room field for Matrix, events checked as stored', () => {
    const html = renderToStaticMarkup(createElement(NotifyHookForm, { editing: view(), canAllowPrivate: false, onSaved: noop, onCancel: noop }));
    assertClean(html);
    expect(html).toContain('Leave empty to keep');
    expect(html).toMatch(/data-testid="notify-form-secret"/);
    expect(html).not.toMatch(/name="secret"[^>]*value=/);
    expect(html).toContain('data-testid="notify-form-room"');
    const box = (ev: string) => new RegExp(`<input[^>]*data-testid="notify-form-event-${ev.replace('.', '\\.')}"[^>]*>`).exec(html)?.[0] ?? '';
    expect(box('hold.placed')).toContain('checked=""');
    expect(box('hold.overdue')).toContain('checked=""');
    expect(box('hold.would_hold')).not.toContain('checked');
    expect(box('hold.would_hold')).not.toBe('');
  });
});
