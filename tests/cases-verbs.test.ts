/**
 * The case verbs: notes, assignment, edits, close/reopen, resolve (through the outbox), list, detail and badges.
 * Each change is audited in its own transaction (a failing audit write changes nothing); viewers read only; a
 * moderator limited to some instances sees and changes a case only through those, and never sees the others' rows.
 */
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import * as audit from '@/lib/audit/record-event';
import type { Actor } from '@/lib/audit/actor';
import { addCaseNote } from '@/lib/cases/add-case-note';
import { assignCase } from '@/lib/cases/assign-case';
import { caseBadgesForReports, caseForMedia } from '@/lib/cases/case-badges';
import { getCase } from '@/lib/cases/get-case';
import { listCases } from '@/lib/cases/list-cases';
import { openCase } from '@/lib/cases/open-case';
import { resolveCase } from '@/lib/cases/resolve-case';
import { setCaseState } from '@/lib/cases/set-case-state';
import { updateCase } from '@/lib/cases/update-case';
import { persistActor, systemActor, userActor } from './support/fixtures';
import { makeInstance, makePost, unrelatedHashes } from './cases-core-fixtures';

const mod = userActor('moderator', null, '00000000-0000-4000-8000-0000000000b1');
const viewer = userActor('viewer', null, '00000000-0000-4000-8000-0000000000b2');
let seed = 8000;

/** One item on three instances: reported on A and B, unreported on C. */
async function scenario() {
  const [a, b, c] = [await makeInstance('va'), await makeInstance('vb'), await makeInstance('vc')];
  const h = await unrelatedHashes(++seed);
  const uri = `https://origin.test/users/o/statuses/${seed}`;
  const pa = await makePost(a, h, { reported: true, statusUri: uri });
  const pb = await makePost(b, h, { reported: true, statusUri: uri });
  const pc = await makePost(c, h, { statusUri: uri });
  const opened = await openCase({ ctx: { actor: systemActor }, input: { reportId: pa.reportId ?? '' } });
  return { a, b, c, pa, pb, pc, caseId: opened.caseId, number: opened.number };
}

const limitedTo = (id: string): Actor => ({ ...userActor('moderator', [id], '00000000-0000-4000-8000-0000000000b3'), email: 'limited@example.test' } as Actor);

describe('case verbs', () => {
  it('note, assign, edit, close and reopen are audited; viewers and outsiders are refused', async () => {
    await persistActor(mod);
    await persistActor(viewer);
    const s = await scenario();
    const ctx = { ctx: { actor: mod } };
    const { id: noteId } = await addCaseNote({ ...ctx, input: { caseId: s.caseId, body: 'Seen on three servers.' } });
    await assignCase({ ...ctx, input: { caseId: s.caseId, assigneeId: mod.type === 'user' ? mod.id : null } });
    await updateCase({ ...ctx, input: { caseId: s.caseId, title: 'Known item', severity: 5, label: 'csam' } });
    await setCaseState({ ...ctx, input: { caseId: s.caseId, state: 'closed', reason: 'done' } });
    await setCaseState({ ...ctx, input: { caseId: s.caseId, state: 'open' } });
    const c = await db.case.findUniqueOrThrow({ where: { id: s.caseId } });
    expect(c).toMatchObject({ title: 'Known item', severity: 5, label: 'csam', state: 'open', closedAt: null, assigneeId: '00000000-0000-4000-8000-0000000000b1' });
    const actions = (await db.auditEvent.findMany({ where: { targetType: 'case', targetId: s.caseId, actorLabel: 'moderator@example.test' }, orderBy: { seq: 'asc' } })).map((e) => [e.action, e.details]);
    expect(actions).toEqual([
      ['case.note_added', { noteId, body: 'Seen on three servers.' }],
      ['case.assigned', { assigneeId: '00000000-0000-4000-8000-0000000000b1' }],
      ['case.updated', { fields: { title: { from: c.title === 'Known item' ? expect.any(String) : '', to: 'Known item' }, severity: { from: 0, to: 5 }, label: { from: null, to: 'csam' } } }],
      ['case.state_changed', { from: 'open', to: 'closed', reason: 'done' }],
      ['case.state_changed', { from: 'closed', to: 'open', reason: null }],
    ]);

    const v = { ctx: { actor: viewer } };
    await expect(addCaseNote({ ...v, input: { caseId: s.caseId, body: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assignCase({ ...v, input: { caseId: s.caseId, assigneeId: null } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setCaseState({ ...v, input: { caseId: s.caseId, state: 'closed' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateCase({ ...v, input: { caseId: s.caseId, title: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(openCase({ ...v, input: { reportId: s.pb.reportId ?? '' } })).rejects.toMatchObject({ code: 'forbidden' });
    const outsider = limitedTo(await makeInstance('elsewhere'));
    await expect(addCaseNote({ ctx: { actor: outsider }, input: { caseId: s.caseId, body: 'x' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getCase({ ctx: { actor: outsider }, input: { id: s.caseId } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(addCaseNote({ ...ctx, input: { caseId: 'not-a-uuid', body: 'x' } })).rejects.toMatchObject({ code: 'not_found' });

    // Assignees are active moderators; purging is not this verb's.
    await expect(assignCase({ ...ctx, input: { caseId: s.caseId, assigneeId: '00000000-0000-4000-8000-0000000000b2' } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(setCaseState({ ...ctx, input: { caseId: s.caseId, state: 'purging' as 'open' } })).rejects.toMatchObject({ code: 'bad_request' });
    await db.case.update({ where: { id: s.caseId }, data: { state: 'purging' } });
    await expect(setCaseState({ ...ctx, input: { caseId: s.caseId, state: 'closed' } })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('every change verb rolls back when its audit write fails', async () => {
    const s = await scenario();
    const before = await db.case.findUniqueOrThrow({ where: { id: s.caseId } });
    const spy = vi.spyOn(audit, 'recordEvent').mockRejectedValue(new Error('audit down'));
    try {
      const ctx = { ctx: { actor: systemActor as Actor } };
      await expect(addCaseNote({ ...ctx, input: { caseId: s.caseId, body: 'n' } })).rejects.toThrow('audit down');
      await expect(assignCase({ ...ctx, input: { caseId: s.caseId, assigneeId: '00000000-0000-4000-8000-0000000000b1' } })).rejects.toThrow('audit down');
      await expect(updateCase({ ...ctx, input: { caseId: s.caseId, title: 'changed' } })).rejects.toThrow('audit down');
      await expect(setCaseState({ ...ctx, input: { caseId: s.caseId, state: 'closed' } })).rejects.toThrow('audit down');
      await expect(resolveCase({ ...ctx, input: { caseId: s.caseId, resolveReports: false } })).rejects.toThrow('audit down');
    } finally {
      spy.mockRestore();
    }
    expect(await db.caseNote.count({ where: { caseId: s.caseId } })).toBe(0);
    const after = await db.case.findUniqueOrThrow({ where: { id: s.caseId } });
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
  });

  it('resolve closes the case and asks the outbox to resolve the open reports the actor may act on', async () => {
    const s = await scenario();
    const limited = await persistActor(limitedTo(s.a));
    const out = await resolveCase({ ctx: { actor: limited }, input: { caseId: s.caseId, resolveReports: true, comment: 'removed everywhere' } });
    expect(out.actionIds).toHaveLength(1);
    expect(out.skipped).toEqual([{ reportId: s.pb.reportId, reason: 'not allowed on this instance' }]);
    const action = await db.action.findUniqueOrThrow({ where: { id: out.actionIds[0] } });
    expect(action).toMatchObject({ kind: 'report.resolve', reportId: s.pa.reportId, status: 'pending' });
    expect(await db.case.findUniqueOrThrow({ where: { id: s.caseId } })).toMatchObject({ state: 'closed' });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { targetId: s.caseId, action: 'case.resolved' } });
    expect(ev.details).toMatchObject({ resolveReports: true, actionIds: out.actionIds });
    await expect(resolveCase({ ctx: { actor: limited }, input: { caseId: s.caseId, resolveReports: true } })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('detail, list and badges show a limited moderator only their instances', async () => {
    const s = await scenario();
    await addCaseNote({ ctx: { actor: systemActor }, input: { caseId: s.caseId, body: 'note' } });
    const full = await getCase({ ctx: { actor: viewer }, input: { id: s.caseId } });
    expect(full.copies.map((c) => c.instance.id).sort()).toEqual([s.a, s.b, s.c].sort());
    expect(full.reports).toHaveLength(2);
    expect(full.can).toEqual({ edit: false, searchAgain: false, resolveReports: false });
    expect(full.timeline[0].action).toBe('case.note_added'); // newest first
    expect(full.notes.map((n) => n.body)).toEqual(['note']);

    const limited = limitedTo(s.b);
    const mine = await getCase({ ctx: { actor: limited }, input: { id: s.caseId } });
    expect(mine.copies.map((c) => c.instance.id)).toEqual([s.b]);
    expect(mine.reports.map((r) => r.id)).toEqual([s.pb.reportId]);
    expect(mine).toMatchObject({ copyCount: 1, instanceCount: 1, reportCount: 1 });
    expect(mine.timeline.every((e) => e.details.instanceId === undefined || e.details.instanceId === s.b)).toBe(true);
    expect(mine.can.edit).toBe(true);

    const listed = await listCases({ ctx: { actor: limited }, input: {} });
    expect(listed.items.map((i) => i.id)).toEqual([s.caseId]);
    expect(listed.items[0]).toMatchObject({ copyCount: 1, instanceCount: 1, reportCount: 1 });

    const badges = await caseBadgesForReports({ actor: systemActor }, [s.pa.reportId ?? '', s.pb.reportId ?? '']);
    expect(badges.get(s.pa.reportId ?? '')).toMatchObject({ id: s.caseId, reports: 2, instances: 2, state: 'open' });
    expect((await caseBadgesForReports({ actor: limited }, [s.pb.reportId ?? ''])).get(s.pb.reportId ?? '')).toMatchObject({ reports: 1, instances: 1 });
    expect((await caseForMedia({ actor: systemActor }, [s.pc.mediaId ?? ''])).get(s.pc.mediaId ?? '')).toEqual({ id: s.caseId, number: s.number });
    await setCaseState({ ctx: { actor: systemActor }, input: { caseId: s.caseId, state: 'closed' } });
    expect((await caseBadgesForReports({ actor: systemActor }, [s.pa.reportId ?? ''])).size).toBe(0);
    expect((await caseForMedia({ actor: systemActor }, [s.pc.mediaId ?? ''])).size).toBe(0);
  });

  it('lists active cases first, by severity, newest first, through a keyset cursor', async () => {
    await db.case.updateMany({ data: { state: 'closed' } });
    const made: { id: string; severity: number }[] = [];
    for (const severity of [2, 5, 3, 5, 1]) {
      const s = await scenario();
      await updateCase({ ctx: { actor: systemActor }, input: { caseId: s.caseId, severity } });
      made.push({ id: s.caseId, severity });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listCases>> = await listCases({ ctx: { actor: systemActor }, input: { state: 'all', limit: 2, cursor } });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const active = [...made].reverse().sort((x, y) => y.severity - x.severity).map((m) => m.id);
    expect(seen.slice(0, 5)).toEqual(active);
    expect(seen.length).toBe(await db.case.count());
    expect((await listCases({ ctx: { actor: systemActor }, input: {} })).items.map((i) => i.id)).toEqual(active);
    await expect(listCases({ ctx: { actor: systemActor }, input: { cursor: 'garbage' } })).rejects.toMatchObject({ code: 'bad_request' });
  });
});
