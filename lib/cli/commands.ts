/**
 * The operator CLI (DESIGN.md section 8). Commands call the same verbs as the UI, as a system actor,
 * so they are authorized and audited the same way.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { runAuditCommand } from '@/lib/audit/cli-audit';
import { runBanksCommand } from '@/lib/banks/cli-banks';
import { runBlocklistsCommand } from '@/lib/blocklists/cli-blocklists';
import { runCasesCommand } from '@/lib/cases/cli-cases';
import { purgeCaseCommand } from '@/lib/purge/purge-case-cli';
import { runEvidenceCommand } from '@/lib/evidence/cli-evidence';
import { fileCaseCommand } from '@/lib/filing/cli-file';
import { runNcmecCommand } from '@/lib/filing/settings/cli-ncmec';
import { addInstance } from '@/lib/instances/add-instance';
import { listInstances } from '@/lib/instances/list-instances';
import { ingestMedia } from '@/lib/media/ingest-media';
import { syncInstance } from '@/lib/sync/sync-instance';
import { createUser } from '@/lib/users/create-user';
import { resetTwoFactorCommand } from '@/lib/auth/totp/cli-reset-two-factor';
import { runRulesCommand } from '@/lib/holding/cli-rules';
import { runMatchersCommand } from '@/lib/matchers/cli-matchers';
import { runNotifyCommand } from '@/lib/notify/cli-notify';
import { runWatchCommand } from '@/lib/watch/cli-watch';
import { type ParsedArgs, required } from './args';
import { resolveInstanceToken } from './instance-token';
import { checkLines, checksFromError } from './print-checks';

const actor: Actor = { type: 'system', label: 'cli' };
type Out = (line: string) => void;

export async function runCommand(args: ParsedArgs, out: Out): Promise<number> {
  const [group, verb] = args.positional;
  const f = args.flags;
  const key = verb && !['sync'].includes(group) ? `${group} ${verb}` : group;
  switch (key) {
    case 'instances add':
      return addInstanceCommand(f, out);
    case 'instances list': {
      const rows = await listInstances({ ctx: { actor } });
      if (f.json) out(JSON.stringify(rows));
      else for (const r of rows) out(`${r.id}  ${r.kind.padEnd(10)} ${r.status.padEnd(8)} ${String(r.openReports).padStart(5)} open  ${r.name} <${r.baseUrl}>${r.lastError ? `  error: ${r.lastError}` : ''}`);
      return 0;
    }
    case 'sync': {
      if (f.once !== true) throw new Error('use: sync --once (the worker syncs continuously)');
      return syncOnce(out, f.json === true);
    }
    case 'reports list': {
      const status = f.status === 'resolved' ? 'resolved' : 'open';
      const rows = await db.report.findMany({
        where: { status }, orderBy: { remoteCreatedAt: 'desc' }, take: 1000,
        select: { id: true, remoteId: true, status: true, category: true, comment: true, remoteCreatedAt: true, mediaCount: true, instance: { select: { name: true } }, target: { select: { acct: true } } },
      });
      if (f.json) out(JSON.stringify(rows.map((r) => ({ ...r, instance: r.instance.name, target: r.target.acct }))));
      else for (const r of rows) out(`${r.remoteCreatedAt.toISOString()}  ${r.instance.name}#${r.remoteId}  ${r.category.padEnd(9)} ${r.target.acct}  media:${r.mediaCount}`);
      return 0;
    }
    case 'users create': {
      const created = await createUser({ ctx: { actor }, input: { email: required(f, 'email'), role: (f.role as 'owner') ?? 'moderator', password: typeof f.password === 'string' ? f.password : undefined } });
      out(`Created ${created.user.email} (${created.user.role}).${created.generated ? ` Password: ${created.password}` : ''}`);
      return 0;
    }
    case 'users reset-2fa':
      return resetTwoFactorCommand(f, out, actor);
    case 'banks import':
    case 'banks export':
      return runBanksCommand(verb, args, out, actor);
    case 'audit verify':
    case 'audit checkpoint':
      return runAuditCommand(verb, args, out, actor);
    case 'cases list':
    case 'cases open':
    case 'cases show':
      return runCasesCommand(verb, args, out, actor);
    case 'cases purge':
      return purgeCaseCommand(args, out, actor);
    case 'cases file':
      return fileCaseCommand(args, out, actor);
    case 'ncmec configure':
    case 'ncmec status':
      return runNcmecCommand(verb, args, out, actor);
    case 'blocklists add':
    case 'blocklists list':
    case 'blocklists fetch':
    case 'blocklists preview':
    case 'blocklists apply':
    case 'blocklists undo':
    case 'blocklists sync-blocks':
      return runBlocklistsCommand(verb, args, out, actor);
    case 'evidence verify':
    case 'evidence export':
      return runEvidenceCommand(verb, args, out, actor);
    case 'rules list':
    case 'rules add':
    case 'rules set':
    case 'rules remove':
      return runRulesCommand(verb, args, out, actor);
    case 'watch list':
    case 'watch add':
    case 'watch remove':
    case 'watch scan':
      return runWatchCommand(verb, args, out, actor);
    case 'matchers list':
    case 'matchers add':
    case 'matchers set':
    case 'matchers remove':
    case 'matchers test':
      return runMatchersCommand(verb, args, out, actor);
    case 'notify list':
    case 'notify add':
    case 'notify remove':
    case 'notify test':
      return runNotifyCommand(verb, args, out, actor);
    default:
      out(USAGE);
      return 2;
  }
}

async function addInstanceCommand(f: ParsedArgs['flags'], out: Out): Promise<number> {
  const input = {
    kind: (f.kind as 'mastodon') ?? 'auto', baseUrl: required(f, 'url'), token: await resolveInstanceToken(f),
    name: typeof f.name === 'string' ? f.name : undefined, allowPrivate: f['allow-private'] === true,
  };
  let added: Awaited<ReturnType<typeof addInstance>>;
  try {
    added = await addInstance({ ctx: { actor }, input });
  } catch (e) {
    // A failed verification says "see the checks below": print them, then the error as usual.
    const lines = checkLines(checksFromError(e));
    if (lines.length && !f.json) out(['Checks:', ...lines].join('\n'));
    throw e;
  }
  if (f.json) out(JSON.stringify({ id: added.id, name: added.name, checks: added.checks.checks }));
  else out([`Connected ${added.name} (${added.id})`, 'Checks:', ...checkLines(added.checks.checks)].join('\n'));
  return 0;
}

async function syncOnce(out: Out, asJson: boolean): Promise<number> {
  let failed = 0;
  const results: Record<string, unknown>[] = [];
  for (const i of await db.instance.findMany({ where: { syncEnabled: true }, select: { id: true, name: true } })) {
    try {
      const summary = await syncInstance(i.id);
      const pending = await db.media.findMany({ where: { instanceId: i.id, state: 'pending' }, select: { id: true } });
      for (const m of pending) await ingestMedia(m.id, { finalAttempt: true });
      results.push({ instance: i.name, ...summary, mediaProcessed: pending.length });
      if (!asJson) out(`${i.name}: ${summary.seen} reports (${summary.created} new, ${summary.updated} changed, ${summary.unchanged} unchanged, ${summary.skipped} skipped), ${pending.length} media processed`);
    } catch (e) {
      failed++;
      results.push({ instance: i.name, error: e instanceof Error ? e.message : String(e) });
      if (!asJson) out(`${i.name}: sync failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (asJson) out(JSON.stringify(results));
  return failed ? 1 : 0;
}

export const USAGE = `Usage: npm run cli -- <command>
  instances add --kind mastodon --url URL --token-stdin [--name NAME] [--allow-private]
      (token on stdin, or in FEDIMOD_INSTANCE_TOKEN; --token TOKEN still works but shows in the process list)
  instances list [--json]
  sync --once [--json]
  reports list [--json] [--status open|resolved]
  users create --email EMAIL --role owner|admin|moderator|viewer [--password PASSWORD]
  users reset-2fa --email EMAIL   (for a locked-out owner: removes the authenticator app, recovery codes and passkeys,
      ends every session of that user; exit 1 when no user has that email)
  banks import --bank NAME FILE [--kind match|allow] [--label csam|ncii|terrorism|spam|other] [--severity 1-5] [--signal pdq|md5|sha256]
  banks export --bank NAME [--signal pdq|md5|sha256]
  audit verify [--checkpoint FILE]
  audit checkpoint [--out FILE]
  cases list [--json] [--state active|open|closed|all]   (default: all)
  cases open --media MEDIA_ID [--json]   (prints the case id; an existing case's if the media is in one)
  cases show CASE [--json]   (CASE: a case id or number)
  cases purge CASE --yes [--wait] [--timeout SECONDS]   (default plan; exit 0 only if every copy is removed or accepted)
  evidence verify CASE [--json]   (exit 1 when any seal or the audit chain fails)
  evidence export CASE --out FILE [--reason R]
  ncmec configure [--url URL | --environment test|production] --username U (--password-stdin | --password P) [--allow-private]
      [--reporter-first-name F --reporter-last-name L --reporter-email E --reporter-phone P --org-name N]
      [--company-template T --terms-of-service T --legal-url URL]
      (fields not given keep their stored values; --allow-private only for a local test server at a custom --url)
  ncmec status   (the settings, never the credentials, and a GET /status test; exit 1 when the test fails)
  cases file CASE --to ncmec [--yes] [--wait] [--json]   (without --yes: prints what would be sent; a second run files nothing new)
  blocklists add (--url URL [--allow-private] | --file PATH) [--name N] [--trusted] [--format auto|mastodon_csv|plain|mastodon_json] [--refresh MINUTES] [--json]
      (a URL is fetched once at once; prints the entry and bad-line counts)
  blocklists list [--json]
  blocklists fetch [--source ID] [--force] [--json]   (fetch now; exit 1 when a fetch failed)
  blocklists sync-blocks [--json]   (read every instance's current domain blocks now)
  blocklists preview [--json] [--instance ID]   (what applying would change on each instance)
  blocklists apply [--yes] [--instance ID] [--wait] [--timeout S]   (without --yes: prints the preview's counts, exit 2)
  blocklists undo [--yes] [--wait]   (restores what the latest application changed)
  rules list [--json]
  rules add --name N --trigger bank_match|outside_match|report_score|watch_hit [--live] [--min-severity 1-5] [--labels a,b] [--min-score X] [--level sensitive|hide|suspend] [--allow-suspend] [--review-minutes M] [--instance ID]... [--json]
  rules set ID [--live | --dry-run] [--enable | --disable] [same options as add]
  rules remove ID
  watch list [--json]
  watch add --hashtag TAG | --keyword WORD | --domain HOST [--note TEXT] [--instance ID]... [--json]
  watch remove ID
  watch scan [--instance ID] [--json]   (scan now instead of waiting for the schedule)
  matchers list [--json]
  matchers add --name N --kind hma|cloud --url URL [--key-stdin | --key K] [--instance ID]... [--signals pdq,md5] [--severity 1-5] [--label L] [--timeout-ms MS] [--per-minute N] [--allow-private] [--json]
  matchers set ID [--enable | --disable] [--instance ID]... [same options as add]
  matchers remove ID
  matchers test ID   (a cheap call to the service; exit 1 when it fails)
  notify list [--json]
  notify add --name N --kind json|matrix --url URL [--room ROOM_ID] (--secret-stdin | --secret S) [--events hold.placed,hold.overdue,hold.would_hold] [--allow-private]
  notify remove ID
  notify test ID   (sends a test notification; exit 1 when it fails)`;
