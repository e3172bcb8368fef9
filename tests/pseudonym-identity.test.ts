/**
 * The team's identity settings (admin only, audited, capped, robust to a broken stored value) and their routes, the
 * pseudonym routes, and how colleagues are named: with "show pseudonyms" on, a moderator sees pseudonyms (never a
 * colleague's name or email) in the member picker, notes, the inbox, claims, escalations, saved filters and cases,
 * while an admin sees "pseudonym (real name)"; @pseudonym mentions a colleague.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { claimSubject } from '@/lib/claims/claim-subject';
import { listClaims } from '@/lib/claims/list-claims';
import { raiseEscalation } from '@/lib/escalations/raise-escalation';
import { getSubjectEscalations } from '@/lib/escalations/list-escalations';
import { addTeamNote } from '@/lib/notes/add-team-note';
import { getInbox } from '@/lib/notes/get-inbox';
import { listTeamNotes } from '@/lib/notes/list-team-notes';
import { addCaseNote } from '@/lib/cases/add-case-note';
import { assignCase } from '@/lib/cases/assign-case';
import { getCase } from '@/lib/cases/get-case';
import { listCases } from '@/lib/cases/list-cases';
import { createSavedFilter } from '@/lib/saved-filters/create-saved-filter';
import { listSavedFilters } from '@/lib/saved-filters/list-saved-filters';
import { getIdentitySettings, IDENTITY_SETTINGS_KEY, updateIdentitySettings } from '@/lib/team/identity-settings';
import { listTeamMembers } from '@/lib/team/list-members';
import { actorFor, makeAccount, makeInstance, makeReport } from './queue-fixtures';
import { jsonRequest, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const identityRoute = await import('@/app/api/settings/identity/route');
const mePseudonymRoute = await import('@/app/api/me/pseudonym/route');
const userPseudonymRoute = await import('@/app/api/users/[id]/pseudonym/route');

async function person(role: UserActor['role'], name: string, email: string, pseudonym: string) {
  const u = await db.user.create({ data: { email, name, role, pseudonym, passwordHash: 'x' } });
  return { user: u, actor: actorFor(u) };
}
const read = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });

let admin: Awaited<ReturnType<typeof person>>;
let mod: Awaited<ReturnType<typeof person>>;
let other: Awaited<ReturnType<typeof person>>;
let reportId: string;

beforeAll(async () => {
  admin = await person('admin', 'Avery Adminreal', 'avery.adminreal@example.org', 'steady-lark');
  mod = await person('moderator', 'Morgan Modreal', 'morgan.modreal@example.org', 'quiet-heron');
  other = await person('moderator', 'Riley Otherreal', 'riley.otherreal@example.org', 'mossy-fern');
  const inst = await makeInstance('ident');
  reportId = (await makeReport({ instanceId: inst.id, targetId: (await makeAccount(inst.id)).id })).id;
});

describe('identity settings', () => {
  it('defaults, admin-only change audited with from/to, team name capped at 120, broken values fall back', async () => {
    expect(await getIdentitySettings()).toEqual({ teamName: '', showPseudonyms: false, signOutbound: 'pseudonym', ncmecReporter: 'settings' });
    await expect(updateIdentitySettings({ ctx: { actor: mod.actor }, input: { teamName: 'X' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateIdentitySettings({ ctx: { actor: admin.actor }, input: { teamName: 'x'.repeat(121) } })).rejects.toThrow(/at most 120/);
    const after = await updateIdentitySettings({ ctx: { actor: admin.actor }, input: { teamName: '  Harbor Watch ', signOutbound: 'team' } });
    expect(after).toEqual({ teamName: 'Harbor Watch', showPseudonyms: false, signOutbound: 'team', ncmecReporter: 'settings' });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'settings.identity.updated' } });
    expect(ev.details).toMatchObject({ from: { teamName: '', signOutbound: 'pseudonym' }, to: { teamName: 'Harbor Watch', signOutbound: 'team' } });
    await db.setting.update({ where: { key: IDENTITY_SETTINGS_KEY }, data: { value: { teamName: 7, showPseudonyms: 'yes', signOutbound: 'team' } } });
    expect(await getIdentitySettings()).toEqual({ teamName: '', showPseudonyms: false, signOutbound: 'team', ncmecReporter: 'settings' });
  });

  it('routes: anyone reads, only admins write; pseudonyms through /api/me and /api/users/[id]', async () => {
    session.actor = mod.actor;
    expect((await read(await identityRoute.GET(jsonRequest('/api/settings/identity')))).status).toBe(200);
    expect((await identityRoute.PUT(jsonRequest('/api/settings/identity', 'PUT', { showPseudonyms: true }))).status).toBe(403);
    const taken = await read(await mePseudonymRoute.PUT(jsonRequest('/api/me/pseudonym', 'PUT', { pseudonym: 'Mossy-Fern' })));
    expect(taken).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/already someone's pseudonym/) } } });
    expect((await read(await mePseudonymRoute.PUT(jsonRequest('/api/me/pseudonym', 'PUT', { pseudonym: 'here' })))).body).toMatchObject({ error: { message: expect.stringMatching(/reserved/) } });
    expect((await userPseudonymRoute.PUT(jsonRequest('/x', 'PUT', { pseudonym: 'amber-wren' }), routeParams({ id: other.user.id }))).status).toBe(403);
    session.actor = admin.actor;
    expect((await read(await userPseudonymRoute.PUT(jsonRequest('/x', 'PUT', { pseudonym: 'amber-wren' }), routeParams({ id: other.user.id })))).body).toEqual({ pseudonym: 'amber-wren' });
    expect((await read(await identityRoute.PUT(jsonRequest('/api/settings/identity', 'PUT', { showPseudonyms: true, teamName: 'Harbor Watch' })))).body).toMatchObject({ showPseudonyms: true });
    expect((await identityRoute.PUT(jsonRequest('/api/settings/identity', 'PUT', { showPseudonyms: true, extra: 1 }))).status).toBe(400);
    session.actor = null;
  });
});

describe('colleagues by pseudonym', () => {
  it('a moderator sees pseudonyms everywhere a colleague is named; an admin also sees the real name', async () => {
    expect((await getIdentitySettings()).showPseudonyms).toBe(true);
    const real = /Avery|Adminreal|Morgan|Modreal|Riley|Otherreal|@example\.org/;

    const members = await listTeamMembers({ ctx: { actor: other.actor } });
    expect(members.find((m) => m.id === mod.user.id)).toMatchObject({ label: 'quiet-heron', mentionName: 'quiet-heron' });
    expect(JSON.stringify(members)).not.toMatch(real);
    expect((await listTeamMembers({ ctx: { actor: admin.actor } })).find((m) => m.id === mod.user.id)?.label).toBe('quiet-heron (Morgan Modreal)');

    // @pseudonym mentions; the note and the inbox name the author by pseudonym.
    const note = await addTeamNote({ ctx: { actor: mod.actor }, input: { subjectType: 'report', subjectKey: reportId, body: 'please look @amber-wren' } });
    expect(note.mentioned).toEqual([other.user.id]);
    const notes = await listTeamNotes({ ctx: { actor: other.actor }, input: { subjectType: 'report', subjectKey: reportId } });
    expect(notes[0]?.authorLabel).toBe('quiet-heron');
    const inbox = await getInbox({ ctx: { actor: other.actor } });
    expect(inbox.mentions[0]?.authorLabel).toBe('quiet-heron');

    await claimSubject({ ctx: { actor: mod.actor }, input: { subjectType: 'report', subjectKey: reportId } });
    const claims = await listClaims({ ctx: { actor: other.actor }, input: { subjectType: 'report', keys: [reportId] } });
    expect(claims.claims[reportId]?.label).toBe('quiet-heron');

    await raiseEscalation({ ctx: { actor: mod.actor }, input: { subjectType: 'report', subjectKey: reportId, reason: 'needs an admin', assigneeId: admin.user.id } });
    const esc = await getSubjectEscalations({ ctx: { actor: other.actor }, input: { subjectType: 'report', subjectKey: reportId } });
    expect(esc.escalations[0]).toMatchObject({ raisedByLabel: 'quiet-heron', assigneeLabel: 'steady-lark' });

    await createSavedFilter({ ctx: { actor: mod.actor }, input: { name: 'spam', query: 'spam', shared: true } });
    const filters = await listSavedFilters({ ctx: { actor: other.actor } });
    expect(filters.find((f) => f.name === 'spam')?.ownerLabel).toBe('quiet-heron');

    // A case opened, assigned and noted by colleagues: header, list, notes and timeline name them by pseudonym.
    const kase = await db.case.create({ data: { title: 'spam wave', openedVia: 'report', openedById: mod.user.id, openedByLabel: mod.user.email } });
    await assignCase({ ctx: { actor: admin.actor }, input: { caseId: kase.id, assigneeId: mod.user.id } });
    await addCaseNote({ ctx: { actor: mod.actor }, input: { caseId: kase.id, body: 'looking' } });
    const detail = await getCase({ ctx: { actor: other.actor }, input: { id: kase.id } });
    expect(detail).toMatchObject({ openedByLabel: 'quiet-heron', assignee: { id: mod.user.id, email: '', label: 'quiet-heron' }, notes: [{ authorLabel: 'quiet-heron' }] });
    expect(detail.timeline.map((e) => e.actorLabel)).toEqual(expect.arrayContaining(['steady-lark', 'quiet-heron']));
    const list = await listCases({ ctx: { actor: other.actor }, input: {} });
    expect(list.items.find((c) => c.id === kase.id)?.assignee?.label).toBe('quiet-heron');

    const seen = JSON.stringify({ notes, inbox, claims, esc, filters, detail, list });
    expect(seen).not.toMatch(real);
    const adminView = await getSubjectEscalations({ ctx: { actor: admin.actor }, input: { subjectType: 'report', subjectKey: reportId } });
    expect(adminView.escalations[0]?.raisedByLabel).toBe('quiet-heron (Morgan Modreal)');
  });
});
