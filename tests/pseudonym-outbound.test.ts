/**
 * Done-when: "pseudonyms appear in everything sent to the fakes and never the real name". A moderator with a
 * real-looking synthetic name and email sends, through the real verbs and the real outbox worker, a report note and a
 * resolve comment to the Akkoma fake and a forward (report.create, forward:true) to the Mastodon fake; then builds the
 * ready-to-send forward message and the CyberTipline report (ncmecReporter 'pseudonym', with the NCMEC settings
 * naming that same person). Everything the fakes recorded, and both built texts, carry the pseudonym and never
 * "Jordan", "Realname" or the email.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { performAction } from '@/lib/actions/perform-action';
import { requestAction } from '@/lib/actions/request-action';
import { buildReportInput } from '@/lib/filing/build-report-input';
import { loadFilingCase } from '@/lib/filing/load-filing-case';
import { buildReportXml } from '@/lib/filing/ncmec/report-xml';
import { forwardCase } from '@/lib/forwarding/forward-case';
import { forwardMessage } from '@/lib/forwarding/forward-message';
import { loadForwardContext } from '@/lib/forwarding/load-forward-context';
import { senderInfo } from '@/lib/forwarding/sender-info';
import { addInstance } from '@/lib/instances/add-instance';
import { syncInstance } from '@/lib/sync/sync-instance';
import { updateIdentitySettings } from '@/lib/team/identity-settings';
import { ncmecReporterFor } from '@/lib/team/ncmec-reporter';
import { startFakeAkkoma, type FakeAkkoma } from '@/e2e/fakes/akkoma/server';
import { fakeForwards } from '@/e2e/fakes/forward-log';
import { persistActor, systemActor, userActor } from './support/fixtures';
import { purgeWorld, type World } from './purge-support';

const JORDAN_ID = '00000000-0000-4000-8000-000000000d15';
const EMAIL = 'jordan.realname@example.org';
const PSEUDONYM = 'calm-otter';
const TEAM = 'Harbor Watch';
const jordan = { ...userActor('moderator', null, JORDAN_ID), email: EMAIL } as const;
const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000000ad');

let akkoma: FakeAkkoma;
let akkomaId: string;
let world: World;

function assertNoRealName(text: string) {
  expect(text).not.toMatch(/jordan/i);
  expect(text).not.toMatch(/realname/i);
  expect(text).not.toContain(EMAIL);
}

beforeAll(async () => {
  await db.user.create({ data: { id: JORDAN_ID, email: EMAIL, name: 'Jordan Realname', role: 'moderator', passwordHash: 'x', pseudonym: PSEUDONYM } });
  await persistActor(admin);
  await updateIdentitySettings({ ctx: { actor: admin }, input: { teamName: TEAM, signOutbound: 'pseudonym', ncmecReporter: 'pseudonym' } });
  akkoma = await startFakeAkkoma({ reports: 4, seed: 1551 });
  akkomaId = (await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: akkoma.url, token: akkoma.token, allowPrivate: true, name: 'akkoma' } })).id;
  await syncInstance(akkomaId);
  world = await purgeWorld([], 1550);
}, 120_000);
afterAll(async () => { await akkoma?.close(); await world?.close(); });

describe('what leaves the app under a person carries the pseudonym, never the real name', () => {
  it('report note and resolve comment on Akkoma, through the outbox', { timeout: 60_000 }, async () => {
    const [one, two] = await db.report.findMany({ where: { instanceId: akkomaId, status: 'open' }, take: 2, orderBy: { id: 'asc' } });
    const send = async (reportId: string, action: Record<string, unknown>) => {
      const { actionId } = await requestAction({ ctx: { actor: jordan }, input: { reportId, action } });
      expect(await performAction(actionId, { finalAttempt: true })).toBe('done');
      return db.action.findUniqueOrThrow({ where: { id: actionId } });
    };
    const note = await send(one!.id, { kind: 'report.note', text: 'Checked the linked posts; spam wave.' });
    const resolved = await send(two!.id, { kind: 'report.resolve', comment: 'Suspended the account.' });
    // The stored payload is exactly what was signed and sent.
    expect(note.payload).toMatchObject({ text: `Checked the linked posts; spam wave.\n\n— ${PSEUDONYM} (${TEAM})` });
    expect(resolved.payload).toMatchObject({ comment: `Suspended the account.\n\n— ${PSEUDONYM} (${TEAM})` });

    const sent = JSON.stringify(akkoma.state.records);
    expect(sent).toContain(`Checked the linked posts; spam wave.\\n\\n— ${PSEUDONYM} (${TEAM})`);
    expect(sent).toContain(`Suspended the account.\\n\\n— ${PSEUDONYM} (${TEAM})`);
    assertNoRealName(sent);
    const notes = [...akkoma.state.reports.values()].flatMap((r) => r.notes.map((n) => JSON.stringify(n)));
    expect(notes.join('\n')).toContain(PSEUDONYM);
    assertNoRealName(notes.join('\n'));
  });

  it('a forward (report.create) to the Mastodon fake is signed with the pseudonym and stays within 1000 characters', { timeout: 60_000 }, async () => {
    const m = world.fakes.get('origin-reporter')!;
    const view = await forwardCase({ ctx: { actor: jordan }, input: { caseId: world.caseId, key: `instance_forward:${m.instanceId}` } });
    const row = await db.caseForward.findUniqueOrThrow({ where: { id: view.id } });
    expect(await performAction(row.actionId!, { finalAttempt: true })).toBe('done');
    const forwards = await fakeForwards(m.url);
    expect(forwards).toHaveLength(1);
    expect(forwards[0]!.comment.endsWith(`\n\n— ${PSEUDONYM} (${TEAM})`)).toBe(true);
    expect(forwards[0]!.comment.length).toBeLessThanOrEqual(1000);
    const records = JSON.stringify(await (await fetch(`${m.url}/__fake/records`)).json());
    expect(records).toContain(PSEUDONYM);
    assertNoRealName(records);
    assertNoRealName(JSON.stringify(forwards));
  });

  it('the ready-to-send forward message says who sent it by pseudonym', async () => {
    const context = await loadForwardContext(db, jordan, world.caseId);
    const { text } = forwardMessage({ domain: 'origin.example', case: context.case, ...(await senderInfo(world.caseId, jordan)), contact: null });
    expect(text).toContain(`Sent by ${PSEUDONYM} for ${TEAM} (with fedimod`);
    assertNoRealName(text);
  });

  it('the CyberTipline report names the pseudonym and the team, with the settings\' email, even when the settings name the person', async () => {
    const settings = {
      reporter: { firstName: 'Jordan', lastName: 'Realname', email: 'reports@harbor.example', phone: '' },
      organization: { name: '', companyTemplate: '', termsOfService: '', legalUrl: '' },
    };
    const input = buildReportInput(await loadFilingCase(world.caseId), settings, await ncmecReporterFor(jordan));
    expect(input.reporter).toMatchObject({ firstName: PSEUDONYM, lastName: TEAM, email: 'reports@harbor.example' });
    const xml = buildReportXml(input);
    expect(xml).toContain(PSEUDONYM);
    assertNoRealName(xml);
    // With the team's choice 'settings', the settings' person is named as before.
    await updateIdentitySettings({ ctx: { actor: admin }, input: { ncmecReporter: 'settings' } });
    expect(await ncmecReporterFor(jordan)).toBeNull();
    expect(buildReportInput(await loadFilingCase(world.caseId), settings, null).reporter.firstName).toBe('Jordan');
  });
});
