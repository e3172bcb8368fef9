/**
 * Team notes and mentions against a real database: a mention of a colleague reaches their inbox (and the audit
 * log), a mention of oneself, of an unknown name or of a colleague who cannot see the subject does not; viewers
 * read but never write; a limited moderator cannot note (or even read) a report on an instance hidden to them;
 * case notes mention too; marking seen touches only my own mentions. Also the notes, mentions and members routes.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { addTeamNote } from '@/lib/notes/add-team-note';
import { listTeamNotes } from '@/lib/notes/list-team-notes';
import { getInbox } from '@/lib/notes/get-inbox';
import { markMentionsSeen } from '@/lib/notes/mark-mentions-seen';
import { addCaseNote } from '@/lib/cases/add-case-note';
import { actorFor, makeAccount, makeInstance, makeReport } from './queue-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const notesRoute = await import('@/app/api/notes/route');
const mentionsRoute = await import('@/app/api/mentions/route');
const seenRoute = await import('@/app/api/mentions/seen/route');
const membersRoute = await import('@/app/api/team/members/route');

let n = 0;
async function user(role: 'owner' | 'admin' | 'moderator' | 'viewer', name: string, opts: { instanceIds?: string[]; disabled?: boolean } = {}) {
  const local = `${name.toLowerCase().replace(/\s+/g, '.')}${++n}`;
  const u = await db.user.create({
    data: {
      email: `${local}@team.example`, name, passwordHash: 'x', role, limitedToInstances: !!opts.instanceIds, disabledAt: opts.disabled ? new Date() : null,
      instances: opts.instanceIds ? { create: opts.instanceIds.map((instanceId) => ({ instanceId })) } : undefined,
    },
  });
  return { user: u, actor: actorFor(u, opts.instanceIds ?? null), handle: local };
}
const ctx = (actor: UserActor) => ({ actor });

let A: string; let B: string;
let reportA: string; let reportB: string;
let mod: Awaited<ReturnType<typeof user>>;
let ana: Awaited<ReturnType<typeof user>>;
let limitedB: Awaited<ReturnType<typeof user>>;
let viewer: Awaited<ReturnType<typeof user>>;
let gone: Awaited<ReturnType<typeof user>>;

beforeAll(async () => {
  A = (await makeInstance('notes-a')).id;
  B = (await makeInstance('notes-b')).id;
  reportA = (await makeReport({ instanceId: A, targetId: (await makeAccount(A)).id })).id;
  reportB = (await makeReport({ instanceId: B, targetId: (await makeAccount(B)).id })).id;
  mod = await user('moderator', 'Mo Derator');
  ana = await user('moderator', 'Ana Lopez');
  limitedB = await user('moderator', 'Lim Ited', { instanceIds: [B] });
  viewer = await user('viewer', 'Vi Ewer');
  gone = await user('moderator', 'Gone Away', { disabled: true });
});

describe('addTeamNote and mentions', () => {
  it('stores the note, audits it, and gives a mentioned colleague an inbox item with a link', async () => {
    const out = await addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'report', subjectKey: reportA, body: `  @${ana.handle} can you check the media? cc @${mod.handle} @nobody  ` } });
    expect(out.mentioned).toEqual([ana.user.id]);
    const notes = await listTeamNotes({ ctx: ctx(viewer.actor), input: { subjectType: 'report', subjectKey: reportA } });
    expect(notes.map((x) => x.body)).toEqual([`@${ana.handle} can you check the media? cc @${mod.handle} @nobody`]);
    const events = await db.auditEvent.findMany({ where: { targetId: reportA }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['note.added', 'note.mention']);
    expect(events[1]!.details).toMatchObject({ noteKind: 'team', noteId: out.id, userIds: [ana.user.id] });

    const inbox = await getInbox({ ctx: ctx(ana.actor) });
    expect(inbox.mentions).toHaveLength(1);
    expect(inbox.mentions[0]).toMatchObject({ subjectType: 'report', subjectKey: reportA, href: `/reports/${reportA}`, authorLabel: mod.user.email });
    expect(inbox.escalations).toEqual([]);
    // Oneself and unknown names: nothing.
    expect((await getInbox({ ctx: ctx(mod.actor) })).mentions).toEqual([]);
  });

  it('does not tell a disabled colleague, nor one limited to other instances', async () => {
    const out = await addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'report', subjectKey: reportA, body: `@${gone.handle} @${limitedB.handle} look` } });
    expect(out.mentioned).toEqual([]);
    expect(await db.noteMention.count({ where: { noteId: out.id } })).toBe(0);
    const onB = await addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'report', subjectKey: reportB, body: `@limited @${limitedB.handle}` } });
    expect(onB.mentioned).toEqual([limitedB.user.id]);
  });

  it('notes accounts and domains by their normalized key, visible to everyone', async () => {
    const out = await addTeamNote({ ctx: ctx(limitedB.actor), input: { subjectType: 'account', subjectKey: '@Spammer@Bad.Example', body: `@${ana.handle} seen on B too` } });
    expect(out.mentioned).toEqual([ana.user.id]);
    const notes = await listTeamNotes({ ctx: ctx(viewer.actor), input: { subjectType: 'account', subjectKey: 'spammer@bad.example' } });
    expect(notes).toHaveLength(1);
    const inbox = await getInbox({ ctx: ctx(ana.actor) });
    expect(inbox.mentions.map((m) => m.href)).toContain('/accounts/spammer%40bad.example');
    await addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'domain', subjectKey: 'Bad.Example.', body: 'all spam' } });
    expect(await listTeamNotes({ ctx: ctx(viewer.actor), input: { subjectType: 'domain', subjectKey: 'bad.example' } })).toHaveLength(1);
  });

  it('refuses viewers, hidden reports, bad input, with words', async () => {
    await expect(addTeamNote({ ctx: ctx(viewer.actor), input: { subjectType: 'report', subjectKey: reportA, body: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addTeamNote({ ctx: ctx(limitedB.actor), input: { subjectType: 'report', subjectKey: reportA, body: 'x' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listTeamNotes({ ctx: ctx(limitedB.actor), input: { subjectType: 'report', subjectKey: reportA } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'report', subjectKey: reportA, body: '   ' } })).rejects.toMatchObject({ code: 'bad_request', userMessage: 'Write the note first.' });
    await expect(addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'report', subjectKey: reportA, body: 'x'.repeat(5001) } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'account', subjectKey: 'no-domain', body: 'x' } })).rejects.toMatchObject({ code: 'bad_request', userMessage: 'Give the account as user@domain.' });
    await expect(addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'report', subjectKey: 'not-a-uuid', body: 'x' } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'case' as 'report', subjectKey: reportA, body: 'x' } })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('mentions from a case note reach the inbox as the case', async () => {
    const c = await db.case.create({ data: { title: 'A case', openedVia: 'cli', openedByLabel: 'test' } });
    await db.caseReport.create({ data: { caseId: c.id, reportId: reportA } });
    const note = await addCaseNote({ ctx: ctx(mod.actor), input: { caseId: c.id, body: `@${ana.handle} @${limitedB.handle} please review` } });
    const rows = await db.noteMention.findMany({ where: { noteId: note.id } });
    expect(rows.map((r) => [r.userId, r.noteKind, r.subjectType, r.subjectKey])).toEqual([[ana.user.id, 'case', 'case', c.id]]);
    expect((await getInbox({ ctx: ctx(ana.actor) })).mentions.map((m) => m.href)).toContain(`/cases/${c.id}`);
  });

  it('marks only my own mentions seen', async () => {
    const mine = await getInbox({ ctx: ctx(ana.actor) });
    const theirs = await getInbox({ ctx: ctx(limitedB.actor) });
    expect(theirs.mentions.length).toBeGreaterThan(0);
    expect((await markMentionsSeen({ ctx: ctx(ana.actor), input: { ids: [mine.mentions[0]!.id, theirs.mentions[0]!.id] } })).updated).toBe(1);
    expect((await getInbox({ ctx: ctx(ana.actor) })).unseenCount).toBe(mine.unseenCount - 1);
    expect((await markMentionsSeen({ ctx: ctx(ana.actor), input: { all: true } })).updated).toBe(mine.unseenCount - 1);
    expect((await getInbox({ ctx: ctx(ana.actor) })).unseenCount).toBe(0);
    expect((await getInbox({ ctx: ctx(limitedB.actor) })).unseenCount).toBe(theirs.unseenCount);
  });
});

describe('routes', () => {
  it('notes: 401 signed out, viewer reads but gets 403 on write, moderator 201, bad input 400 with words', async () => {
    const q = `/api/notes?subjectType=report&subjectKey=${reportA}`;
    session.actor = null;
    expect((await notesRoute.GET(jsonRequest(q))).status).toBe(401);
    session.actor = viewer.actor;
    const got = await notesRoute.GET(jsonRequest(q));
    expect(got.status).toBe(200);
    expect(((await got.json()) as { notes: unknown[] }).notes.length).toBeGreaterThan(0);
    expect((await notesRoute.POST(jsonRequest('/api/notes', 'POST', { subjectType: 'report', subjectKey: reportA, body: 'x' }))).status).toBe(403);
    session.actor = mod.actor;
    expect((await notesRoute.POST(jsonRequest('/api/notes', 'POST', { subjectType: 'domain', subjectKey: 'ok.example', body: 'fine' }))).status).toBe(201);
    const bad = await notesRoute.POST(jsonRequest('/api/notes', 'POST', { subjectType: 'planet', subjectKey: 'x', body: 'x' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBeTruthy();
    expect((await notesRoute.GET(jsonRequest('/api/notes?subjectType=report'))).status).toBe(400);
    session.actor = limitedB.actor;
    expect((await notesRoute.GET(jsonRequest(q))).status).toBe(404);
  });

  it('mentions: the inbox and mark seen; members list for the picker', async () => {
    await addTeamNote({ ctx: ctx(mod.actor), input: { subjectType: 'domain', subjectKey: 'x.example', body: `@${viewer.handle} fyi` } });
    session.actor = viewer.actor;
    const inbox = (await (await mentionsRoute.GET(jsonRequest('/api/mentions'))).json()) as { mentions: { id: string }[]; unseenCount: number };
    expect(inbox.unseenCount).toBe(1);
    expect((await seenRoute.POST(jsonRequest('/api/mentions/seen', 'POST', { ids: ['nope'] }))).status).toBe(400);
    expect((await seenRoute.POST(jsonRequest('/api/mentions/seen', 'POST', {}))).status).toBe(400);
    expect((await seenRoute.POST(jsonRequest('/api/mentions/seen', 'POST', { ids: [inbox.mentions[0]!.id] }))).status).toBe(200);
    const members = (await (await membersRoute.GET(jsonRequest('/api/team/members'))).json()) as { members: { id: string; mentionName: string; label: string; role: string }[] };
    expect(members.members.find((m) => m.id === ana.user.id)).toEqual({ id: ana.user.id, label: 'Ana Lopez', mentionName: ana.handle, role: 'moderator' });
    expect(members.members.some((m) => m.id === gone.user.id)).toBe(false);
    session.actor = null;
    expect((await membersRoute.GET(jsonRequest('/api/team/members'))).status).toBe(401);
  });
});
