/**
 * Every action the dashboard offers, on every server kind, clicked in Chromium: each one must reach that server's
 * own endpoint (asserted from the fake's record of write calls, method + path + body), and every action a server
 * lacks must not be offered at all. The plans below are written by hand from instance-apis.md, and the test also
 * checks them against the capabilities the app reports, so a capability added without a click here fails.
 * Runs after 01 (which created the owner).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startFakeAkkoma } from './fakes/akkoma/server';
import { startFakeGoToSocial } from './fakes/gotosocial/server';
import { startFakeLemmy } from './fakes/lemmy/server';
import { startFakeMastodon } from './fakes/mastodon/server';
import { startFakeMisskey } from './fakes/misskey/server';
import { startFakePeerTube } from './fakes/peertube/server';
import { OWNER, connectDetected, signIn } from './support/flows';

test.describe.configure({ mode: 'serial' });

/** Fakes record method + path; Misskey's (POST-only) records the endpoint name instead. */
interface WriteRecord { method?: string; path?: string; endpoint?: string; query?: unknown; body?: unknown; status: number }
interface AnyFake { url: string; token: string; close(): Promise<void>; state: { records: WriteRecord[] } }

interface ReportInfo {
  id: string;
  target: { acct: string; domain: string | null };
  statuses: { id: string; remoteId: string; media: { id: string }[] }[];
}

/** What a step needs of its report: a remote target (domain block, forward) or a post with media. */
interface Need { remoteTarget?: boolean; localTarget?: boolean; media?: boolean; statuses?: boolean; firstStatus?: RegExp }

interface Step {
  /** The action kind this step proves (checked against the capabilities the app reports). */
  kind: string;
  /** What the moderator does in the browser. */
  act: (p: Page, r: ReportInfo) => Promise<void>;
  /** The history row label that must reach "done". */
  row: string | RegExp;
  /** The write the fake must have received. */
  method: string;
  path: RegExp;
  body?: (b: Record<string, unknown>) => boolean;
}

interface Plan {
  name: string;
  detected: RegExp;
  start: () => Promise<AnyFake>;
  /** Groups of steps, each on a report that meets its need (a group ending in a permanent action gets its own report). */
  groups: { need: Need; steps: Step[] }[];
}

let page: Page;
const fakes: AnyFake[] = [];

// ---- building blocks for steps -------------------------------------------------------------------------------

const button = (name: string | RegExp): Step['act'] => async (p) => {
  await p.getByTestId('action-panel').getByRole('button', { name, exact: typeof name === 'string' }).click();
};
const postButton = (name: string): Step['act'] => async (p) => {
  await p.getByRole('group', { name: 'Post actions' }).first().getByRole('button', { name, exact: true }).click();
};
const accountAction = (type: string): Step['act'] => async (p) => {
  await p.locator('select[name=account-action-type]').selectOption(type);
  await p.getByRole('button', { name: 'Apply to account' }).click();
};
const resolveWith = (comment: string | null, buttonName = 'Resolve report'): Step['act'] => async (p) => {
  if (comment !== null) await p.getByLabel('Resolution comment').fill(comment);
  await p.getByRole('button', { name: buttonName, exact: true }).click();
};
const addNote = (text: string): Step['act'] => async (p) => {
  await p.getByLabel('Note on the server', { exact: true }).fill(text);
  await p.getByRole('button', { name: 'Add note', exact: true }).click();
};
const deleteAccount: Step['act'] = async (p, r) => {
  await p.getByText('Delete account permanently…').click();
  await p.getByLabel(`Type ${r.target.acct} to confirm`).fill(r.target.acct);
  await p.getByRole('button', { name: 'Delete account permanently', exact: true }).click();
};
const blockDomain: Step['act'] = async (p) => {
  await p.getByRole('button', { name: 'Block domain', exact: true }).click();
};
/** Where a domain block is always a full block, the form must not offer a severity it cannot send. */
const fullBlockDomain: Step['act'] = async (p, r) => {
  await expect(p.locator('select[name=domain-block-severity]')).toHaveCount(0);
  await expect(p.getByText('Reject media files')).toHaveCount(0);
  await blockDomain(p, r);
};
const visibility = (v: string): Step['act'] => async (p) => {
  await p.locator('select[name=status-visibility]').first().selectOption(v);
};
const deleteFile: Step['act'] = async (p) => {
  await p.getByRole('button', { name: 'Delete file on server' }).first().click();
};

const has = (key: string) => (b: Record<string, unknown>) => JSON.stringify(b).includes(key);

// ---- the plans: one per server kind ---------------------------------------------------------------------------

/** Lemmy 0.19 speaks API v3, 1.0 API v4: the same clicks must reach each version's own endpoints. */
function lemmyPlan(version: string, api: 'v3' | 'v4', seed: number): Plan {
  const at = (path: string) => new RegExp(`^/api/${api}${path}$`);
  return {
    name: `Every Lemmy ${version}`,
    // The instance page shows which API generation detection picked.
    detected: new RegExp(`detected as lemmy ${version.replace(/\./g, '\\.')} from NodeInfo · API ${api}`),
    start: () => startFakeLemmy({ reports: 10, seed, version }) as Promise<AnyFake>,
    groups: [
      {
        need: { remoteTarget: true, firstStatus: /^post:/ },
        steps: [
          { kind: 'account.action', act: accountAction('suspend'), row: 'Suspend account', method: 'POST', path: at(api === 'v3' ? '/user/ban' : '/admin/ban'), body: has('"ban":true') },
          { kind: 'account.undo', act: button('Unsuspend'), row: 'Unsuspend account', method: 'POST', path: at(api === 'v3' ? '/user/ban' : '/admin/ban'), body: has('"ban":false') },
          api === 'v3'
            ? { kind: 'domain.block', act: fullBlockDomain, row: /Block domain/, method: 'PUT', path: at('/site'), body: has('blocked_instances') }
            : { kind: 'domain.block', act: fullBlockDomain, row: /Block domain/, method: 'POST', path: at('/admin/instance/block'), body: has('"block":true') },
          { kind: 'status.delete', act: postButton('Remove post'), row: 'Remove post', method: 'POST', path: at('/post/remove'), body: has('"removed":true') },
          { kind: 'report.resolve', act: resolveWith(null), row: 'Resolve report', method: 'PUT', path: at('/post/report/resolve'), body: has('"resolved":true') },
          { kind: 'report.reopen', act: button('Reopen'), row: 'Reopen report', method: 'PUT', path: at('/post/report/resolve'), body: has('"resolved":false') },
          { kind: 'status.purge', act: postButton('Purge post'), row: 'Purge post', method: 'POST', path: at('/admin/purge/post') },
        ],
      },
      {
        need: {},
        steps: [{ kind: 'account.delete', act: deleteAccount, row: 'Delete account permanently', method: 'POST', path: at('/admin/purge/person') }],
      },
    ],
  };
}

const PLANS: Plan[] = [
  {
    name: 'Every Mastodon',
    detected: /detected as mastodon/,
    start: () => startFakeMastodon({ reports: 8, seed: 61 }) as Promise<AnyFake>,
    groups: [
      {
        need: { remoteTarget: true },
        steps: [
          { kind: 'report.assign_to_self', act: button('Assign to me'), row: 'Assign to me', method: 'POST', path: /\/api\/v1\/admin\/reports\/\w+\/assign_to_self$/ },
          { kind: 'report.unassign', act: button('Unassign'), row: 'Unassign', method: 'POST', path: /\/api\/v1\/admin\/reports\/\w+\/unassign$/ },
          {
            kind: 'report.set_category',
            act: async (p) => { await p.locator('select[name=report-category]').selectOption('legal'); },
            row: /Change category to legal/, method: 'PUT', path: /\/api\/v1\/admin\/reports\/\w+$/, body: has('legal'),
          },
          { kind: 'report.resolve', act: resolveWith(null), row: 'Resolve report', method: 'POST', path: /\/reports\/\w+\/resolve$/ },
          { kind: 'report.reopen', act: button('Reopen'), row: 'Reopen report', method: 'POST', path: /\/reports\/\w+\/reopen$/ },
          { kind: 'domain.block', act: blockDomain, row: /Block domain/, method: 'POST', path: /\/api\/v1\/admin\/domain_blocks$/ },
        ],
      },
      {
        // Disable only exists for local accounts on Mastodon, so the account actions get a local target.
        need: { localTarget: true },
        steps: [
          { kind: 'account.action', act: accountAction('none'), row: 'Warn account', method: 'POST', path: /\/accounts\/\w+\/action$/, body: has('"type":"none"') },
          { kind: 'account.action', act: accountAction('sensitive'), row: 'Mark media sensitive account', method: 'POST', path: /\/accounts\/\w+\/action$/, body: has('"type":"sensitive"') },
          { kind: 'account.action', act: accountAction('disable'), row: 'Disable login account', method: 'POST', path: /\/accounts\/\w+\/action$/, body: has('"type":"disable"') },
          { kind: 'account.action', act: accountAction('silence'), row: 'Limit (silence) account', method: 'POST', path: /\/accounts\/\w+\/action$/, body: has('"type":"silence"') },
          { kind: 'account.action', act: accountAction('suspend'), row: 'Suspend account', method: 'POST', path: /\/accounts\/\w+\/action$/, body: has('"type":"suspend"') },
          // Mastodon deletes an account's data only once it is suspended (issue 10).
          { kind: 'account.delete', act: deleteAccount, row: 'Delete account permanently', method: 'DELETE', path: /\/api\/v1\/admin\/accounts\/\w+$/ },
          { kind: 'account.undo', act: button('Unsuspend'), row: 'Unsuspend account', method: 'POST', path: /\/accounts\/\w+\/unsuspend$/ },
          { kind: 'account.undo', act: button('Unlimit'), row: 'Unlimit account', method: 'POST', path: /\/accounts\/\w+\/unsilence$/ },
          { kind: 'account.undo', act: button('Undo sensitive'), row: 'Undo sensitive account', method: 'POST', path: /\/accounts\/\w+\/unsensitive$/ },
          { kind: 'account.undo', act: button('Re-enable login'), row: 'Re-enable login account', method: 'POST', path: /\/accounts\/\w+\/enable$/ },
        ],
      },
    ],
  },
  {
    name: 'Every GoToSocial',
    detected: /detected as gotosocial/,
    start: () => startFakeGoToSocial({ reports: 8, seed: 62 }) as Promise<AnyFake>,
    groups: [
      {
        need: { remoteTarget: true },
        steps: [
          { kind: 'domain.block', act: fullBlockDomain, row: /Block domain/, method: 'POST', path: /^\/api\/v1\/admin\/domain_blocks$/ },
          {
            kind: 'media.purge',
            act: async (p) => {
              await p.getByLabel('Keep remote media newer than (days)').fill('30');
              await p.getByRole('button', { name: 'Purge cached media', exact: true }).click();
            },
            row: 'Purge cached media', method: 'POST', path: /^\/api\/v1\/admin\/media_cleanup$/, body: (b) => String(b.remote_cache_days) === '30',
          },
          { kind: 'report.resolve', act: resolveWith('Blocked the domain (e2e).'), row: 'Resolve report', method: 'POST', path: /^\/api\/v1\/admin\/reports\/[^/]+\/resolve$/, body: has('Blocked the domain (e2e).') },
          { kind: 'account.action', act: accountAction('suspend'), row: 'Suspend account', method: 'POST', path: /^\/api\/v1\/admin\/accounts\/[^/]+\/action$/, body: has('suspend') },
        ],
      },
    ],
  },
  {
    name: 'Every Akkoma',
    detected: /detected as akkoma/,
    start: () => startFakeAkkoma({ reports: 8, seed: 63 }) as Promise<AnyFake>,
    groups: [
      {
        need: { media: true },
        steps: [
          { kind: 'report.note', act: addNote('Looked at the attachments (e2e).'), row: 'Add note on the server', method: 'POST', path: /\/api\/v1\/pleroma\/admin\/reports\/[^/]+\/notes$/, body: has('Looked at the attachments (e2e).') },
          { kind: 'account.action', act: accountAction('disable'), row: 'Disable login account', method: 'PATCH', path: /\/api\/v1\/pleroma\/admin\/users\/deactivate$/ },
          { kind: 'account.action', act: accountAction('sensitive'), row: 'Mark media sensitive account', method: 'PUT', path: /\/api\/v1\/pleroma\/admin\/users\/tag$/, body: has('mrf_tag:media-force-nsfw') },
          { kind: 'account.action', act: accountAction('silence'), row: 'Limit (silence) account', method: 'PUT', path: /\/api\/v1\/pleroma\/admin\/users\/tag$/, body: has('mrf_tag:force-unlisted') },
          { kind: 'account.undo', act: button('Re-enable login'), row: 'Re-enable login account', method: 'PATCH', path: /\/api\/v1\/pleroma\/admin\/users\/activate$/ },
          { kind: 'account.undo', act: button('Undo sensitive'), row: 'Undo sensitive account', method: 'DELETE', path: /\/api\/v1\/pleroma\/admin\/users\/tag$/, body: has('mrf_tag:media-force-nsfw') },
          { kind: 'account.undo', act: button('Unlimit'), row: 'Unlimit account', method: 'DELETE', path: /\/api\/v1\/pleroma\/admin\/users\/tag$/, body: has('mrf_tag:force-unlisted') },
          { kind: 'status.sensitive', act: postButton('Mark post sensitive'), row: 'Mark post sensitive', method: 'PUT', path: /\/api\/v1\/pleroma\/admin\/statuses\/[^/]+$/, body: has('"sensitive":true') },
          { kind: 'status.visibility', act: visibility('unlisted'), row: /Set post visibility to unlisted/, method: 'PUT', path: /\/api\/v1\/pleroma\/admin\/statuses\/[^/]+$/, body: has('"visibility":"unlisted"') },
          { kind: 'media.purge', act: button('Purge cached media'), row: 'Purge cached media', method: 'POST', path: /\/api\/v1\/pleroma\/admin\/media_proxy_caches\/purge$/ },
          { kind: 'status.delete', act: postButton('Delete post'), row: 'Delete post', method: 'DELETE', path: /\/api\/v1\/pleroma\/admin\/statuses\/[^/]+$/ },
          { kind: 'report.resolve', act: resolveWith('Handled (e2e).'), row: 'Resolve report', method: 'PATCH', path: /\/api\/v1\/pleroma\/admin\/reports$/, body: has('"state":"resolved"') },
          { kind: 'report.reopen', act: button('Reopen'), row: 'Reopen report', method: 'PATCH', path: /\/api\/v1\/pleroma\/admin\/reports$/, body: has('"state":"open"') },
          { kind: 'report.reject', act: resolveWith('Duplicate (e2e).', 'Reject report'), row: 'Reject report', method: 'PATCH', path: /\/api\/v1\/pleroma\/admin\/reports$/, body: has('"state":"closed"') },
          { kind: 'account.delete', act: deleteAccount, row: 'Delete account permanently', method: 'DELETE', path: /\/api\/v1\/pleroma\/admin\/users$/ },
        ],
      },
    ],
  },
  {
    name: 'Every Misskey',
    detected: /detected as misskey/,
    start: () => startFakeMisskey({ reports: 10, seed: 64 }) as Promise<AnyFake>,
    groups: [
      {
        need: { remoteTarget: true, media: true },
        steps: [
          { kind: 'report.note', act: addNote('Checked the drive (e2e).'), row: 'Add note on the server', method: 'POST', path: /^\/api\/admin\/update-abuse-user-report$/, body: has('Checked the drive (e2e).') },
          { kind: 'report.forward', act: button(/^Forward to /), row: /Forward report/, method: 'POST', path: /^\/api\/admin\/forward-abuse-user-report$/ },
          { kind: 'account.action', act: accountAction('suspend'), row: 'Suspend account', method: 'POST', path: /^\/api\/admin\/suspend-user$/ },
          { kind: 'account.undo', act: button('Unsuspend'), row: 'Unsuspend account', method: 'POST', path: /^\/api\/admin\/unsuspend-user$/ },
          { kind: 'media.delete', act: deleteFile, row: 'Delete file on server', method: 'POST', path: /^\/api\/drive\/files\/delete$/ },
          { kind: 'media.purge', act: button(/^Purge cached media from /), row: 'Purge cached media', method: 'POST', path: /^\/api\/admin\/federation\/delete-all-files$/ },
          { kind: 'status.delete', act: postButton('Delete post'), row: 'Delete post', method: 'POST', path: /^\/api\/notes\/delete$/ },
          { kind: 'report.reject', act: resolveWith(null, 'Reject report'), row: 'Reject report', method: 'POST', path: /^\/api\/admin\/resolve-abuse-user-report$/, body: has('"resolvedAs":"reject"') },
        ],
      },
      {
        need: {},
        steps: [
          { kind: 'report.resolve', act: resolveWith(null), row: 'Resolve report', method: 'POST', path: /^\/api\/admin\/resolve-abuse-user-report$/, body: has('"resolvedAs":"accept"') },
          { kind: 'account.delete', act: deleteAccount, row: 'Delete account permanently', method: 'POST', path: /^\/api\/admin\/delete-account$/ },
        ],
      },
    ],
  },
  lemmyPlan('0.19.9', 'v3', 65),
  lemmyPlan('1.0.0', 'v4', 70),
  {
    name: 'Every PeerTube',
    detected: /detected as peertube/,
    start: () => startFakePeerTube({ reports: 10, seed: 66 }) as Promise<AnyFake>,
    groups: [
      {
        need: { remoteTarget: true, firstStatus: /^video-/ },
        steps: [
          { kind: 'report.note', act: addNote('Watched it to the end (e2e).'), row: 'Add note on the server', method: 'PUT', path: /^\/api\/v1\/abuses\/\d+$/, body: has('Watched it to the end (e2e).') },
          { kind: 'status.block', act: postButton('Block'), row: 'Block post', method: 'POST', path: /^\/api\/v1\/videos\/[\w-]+\/blacklist$/ },
          { kind: 'status.block', act: postButton('Unblock'), row: 'Unblock post', method: 'DELETE', path: /^\/api\/v1\/videos\/[\w-]+\/blacklist$/ },
          { kind: 'account.action', act: accountAction('suspend'), row: 'Suspend account', method: 'POST', path: /^\/api\/v1\/server\/blocklist\/accounts$/ },
          { kind: 'account.undo', act: button('Unsuspend'), row: 'Unsuspend account', method: 'DELETE', path: /^\/api\/v1\/server\/blocklist\/accounts\/[^/]+$/ },
          { kind: 'domain.block', act: fullBlockDomain, row: /Block domain/, method: 'POST', path: /^\/api\/v1\/server\/blocklist\/servers$/ },
          { kind: 'report.reject', act: resolveWith('No violation (e2e).', 'Reject report'), row: 'Reject report', method: 'PUT', path: /^\/api\/v1\/abuses\/\d+$/, body: has('"state":2') },
          { kind: 'report.reopen', act: button('Reopen'), row: 'Reopen report', method: 'PUT', path: /^\/api\/v1\/abuses\/\d+$/, body: has('"state":1') },
          { kind: 'report.resolve', act: resolveWith('Removed (e2e).'), row: 'Resolve report', method: 'PUT', path: /^\/api\/v1\/abuses\/\d+$/, body: has('"state":3') },
          { kind: 'status.delete', act: postButton('Delete post'), row: 'Delete post', method: 'DELETE', path: /^\/api\/v1\/videos\/[\w-]+$/ },
        ],
      },
    ],
  },
];

// ---- the runner ----------------------------------------------------------------------------------------------

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
  page.on('dialog', (d) => void d.accept());
  await signIn(page, OWNER.email, OWNER.password);
});

test.afterAll(async () => {
  for (const f of fakes) await f.close();
});

async function reportsOf(instanceId: string): Promise<ReportInfo[]> {
  const res = await page.request.get(`/api/queue?instanceId=${instanceId}&limit=200`);
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { id: string }[] };
  const out: ReportInfo[] = [];
  for (const { id } of items) {
    const detail = await page.request.get(`/api/reports/${id}`);
    out.push((await detail.json()) as ReportInfo);
  }
  return out;
}

function meets(r: ReportInfo, need: Need): boolean {
  if (need.remoteTarget && !r.target.domain) return false;
  if (need.localTarget && r.target.domain) return false;
  if (need.media && !r.statuses.some((s) => s.media.length > 0)) return false;
  if (need.statuses && r.statuses.length === 0) return false;
  if (need.firstStatus && !need.firstStatus.test(r.statuses[0]?.remoteId ?? '')) return false;
  return true;
}

async function expectRecorded(fake: AnyFake, step: Step): Promise<void> {
  const hit = fake.state.records.find((r) => {
    const method = r.method ?? 'POST';
    const path = r.path ?? `/api/${r.endpoint ?? ''}`;
    return method === step.method && step.path.test(path) && r.status < 400 && (!step.body || step.body({ ...((r.query ?? {}) as object), ...((r.body ?? {}) as object) } as Record<string, unknown>));
  });
  expect(hit, `${step.kind}: expected ${step.method} ${step.path} on the fake; got ${JSON.stringify(fake.state.records.slice(-3))}`).toBeTruthy();
}

/** Where each action would show up on the report page, to prove the ones a server lacks are not offered. */
const OFFER: Record<string, (p: Page) => Locator> = {
  'report.assign_to_self': (p) => p.getByRole('button', { name: 'Assign to me' }),
  'report.unassign': (p) => p.getByRole('button', { name: 'Unassign' }),
  'report.reject': (p) => p.getByRole('button', { name: 'Reject report' }),
  'report.note': (p) => p.getByLabel('Note on the server', { exact: true }),
  'report.set_category': (p) => p.locator('select[name=report-category]'),
  'report.forward': (p) => p.getByRole('button', { name: /^Forward to / }),
  'account.delete': (p) => p.getByText('Delete account permanently…'),
  'domain.block': (p) => p.getByRole('button', { name: 'Block domain' }),
  'status.delete': (p) => p.getByRole('button', { name: /^(Delete|Remove) post$/ }),
  'status.purge': (p) => p.getByRole('button', { name: 'Purge post' }),
  'status.block': (p) => p.getByRole('group', { name: 'Post actions' }).getByRole('button', { name: /^(Block|Unblock)$/ }),
  'status.sensitive': (p) => p.getByRole('button', { name: 'Mark post sensitive' }),
  'status.visibility': (p) => p.locator('select[name=status-visibility]'),
  'media.delete': (p) => p.getByRole('button', { name: 'Delete file on server' }),
  'media.purge': (p) => p.getByRole('button', { name: /^Purge cached media/ }),
};

async function expectNotOffered(offered: string[]): Promise<void> {
  for (const [kind, where] of Object.entries(OFFER)) {
    if (!offered.includes(kind)) await expect(where(page), `${kind} must not be offered`).toHaveCount(0);
  }
}

async function latestRow(step: Step): Promise<Locator> {
  return page.getByTestId('action-row').filter({ hasText: step.row }).first();
}

for (const plan of PLANS) {
  test(`${plan.name}: every offered action reaches the server, nothing else is offered`, async () => {
    test.setTimeout(240_000);
    const fake = await plan.start();
    fakes.push(fake);
    const instanceId = await connectDetected(page, fake.url, fake.token, plan.name, plan.detected);
    const reports = await reportsOf(instanceId);
    const used = new Set<string>();
    const proved = new Set<string>();
    let offered: string[] = [];
    for (const group of plan.groups) {
      const report = reports.find((r) => !used.has(r.id) && meets(r, group.need));
      expect(report, `${plan.name}: a report with ${JSON.stringify(group.need)}`).toBeTruthy();
      used.add(report!.id);
      await page.goto(`/reports/${report!.id}`);
      await expect(page.getByTestId('action-panel')).toBeVisible();
      const caps = (await (await page.request.get(`/api/reports/${report!.id}/actions`)).json()) as { capabilities: { actions: string[] } };
      // Blocklist reconciles are applied from /blocklists, never from a report (proved by 10-blocklists.spec.ts).
      offered = caps.capabilities.actions.filter((k) => k !== 'domain.blocks_reconcile');
      if (group === plan.groups[0]) await expectNotOffered(offered);
      for (const step of group.steps) {
        await test.step(`${step.kind}: ${String(step.row)}`, async () => {
          await step.act(page, report!);
          await expect(await latestRow(step)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
          await expectRecorded(fake, step);
          proved.add(step.kind);
        });
      }
    }
    // Every action the server offers was clicked above; an action outside the plan would be untested UI.
    expect([...proved].sort()).toEqual([...offered].sort());
  });
}
