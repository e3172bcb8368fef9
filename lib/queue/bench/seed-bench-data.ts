/**
 * The queue benchmark's data set: `reports` reports across `instances` instances, with accounts, statuses,
 * links and media in the proportions a busy team sees (most reports open, a few repeat offenders drawing many
 * reports, about a third of reports with media). Synthetic text only. Priorities come from computePriority,
 * in the order the sync would have written them, so the priority sort sees a realistic spread.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import { computePriority } from '../priority';
import { insertColumns, rng, weighted } from './bulk-insert';

export interface SeedSize { reports: number; instances: number; accountsPerInstance: number }
export interface SeedResult { instanceIds: string[]; adminId: string; reportIds: string[] }

const KINDS = ['mastodon', 'gotosocial', 'akkoma', 'misskey', 'lemmy'];
const CATEGORIES: [string, number][] = [['spam', 45], ['other', 25], ['violation', 22], ['legal', 8]];
const WORDS = 'harassment spam link scam account posted image again please review this abusive federated content reported user'.split(' ');

export async function seedBenchData(client: pg.Client, size: SeedSize): Promise<SeedResult> {
  const rand = rng(20_261_124);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const instanceIds = Array.from({ length: size.instances }, () => crypto.randomUUID());
  await insertColumns(client, 'Instance', [['id', 'uuid'], ['name', 'text'], ['kind', 'text'], ['baseUrl', 'text'], ['domain', 'text'], ['tokenSealed', 'text'], ['webhookSecretSealed', 'text'], ['status', '"InstanceStatus"'], ['updatedAt', 'timestamp(3)']], [
    instanceIds, instanceIds.map((_, i) => `bench-${String(i + 1).padStart(2, '0')}`), instanceIds.map((_, i) => KINDS[i % KINDS.length]),
    instanceIds.map((_, i) => `https://bench-${i + 1}.example`), instanceIds.map((_, i) => `bench-${i + 1}.example`),
    instanceIds.map(() => 'sealed'), instanceIds.map(() => 'sealed'), instanceIds.map(() => 'ok'), instanceIds.map(() => iso(now)),
  ]);

  const accounts = instanceIds.map(() => Array.from({ length: size.accountsPerInstance }, () => crypto.randomUUID()));
  const acc = { id: [] as string[], inst: [] as string[], remote: [] as string[], user: [] as string[], acct: [] as string[], domain: [] as (string | null)[], suspended: [] as boolean[] };
  accounts.forEach((ids, i) => ids.forEach((id, k) => {
    const remote = k % 3 === 0 ? `remote-${k % 40}.example` : null;
    acc.id.push(id); acc.inst.push(instanceIds[i]); acc.remote.push(`a${k}`); acc.user.push(`user${k}`);
    acc.acct.push(remote ? `user${k}@${remote}` : `user${k}`); acc.domain.push(remote); acc.suspended.push(rand() < 0.02);
  }));
  await insertColumns(client, 'Account', [['id', 'uuid'], ['instanceId', 'uuid'], ['remoteId', 'text'], ['username', 'text'], ['acct', 'text'], ['domain', 'text'], ['suspended', 'boolean'], ['updatedAt', 'timestamp(3)']],
    [acc.id, acc.inst, acc.remote, acc.user, acc.acct, acc.domain, acc.suspended, acc.id.map(() => iso(now))]);

  // Reports in chronological order, so "earlier reports against the target" counts what the sync would have seen.
  const created = Array.from({ length: size.reports }, () => now - Math.floor(rand() * 365 * 24 * 3600_000)).sort((a, b) => a - b);
  const rep = { id: [] as string[], inst: [] as string[], remote: [] as string[], status: [] as string[], cat: [] as string[], comment: [] as string[],
    reporter: [] as string[], target: [] as string[], assignee: [] as (string | null)[], media: [] as number[], statuses: [] as number[], prio: [] as number[], at: [] as string[], hash: [] as string[] };
  const st = { id: [] as string[], inst: [] as string[], remote: [] as string[], account: [] as string[], html: [] as string[] };
  const link = { report: [] as string[], status: [] as string[], pos: [] as number[] };
  const med = { id: [] as string[], inst: [] as string[], status: [] as string[], remote: [] as string[], type: [] as string[], mime: [] as string[], kind: [] as string[], key: [] as string[], pkey: [] as string[] };
  const perTarget = new Map<string, number>();
  created.forEach((at, n) => {
    // Bigger instances draw more reports; a few accounts per instance draw many (repeat offenders).
    const i = Math.min(size.instances - 1, Math.floor(size.instances * rand() ** 1.6));
    const target = accounts[i][Math.floor(size.accountsPerInstance * rand() ** 4)];
    const id = crypto.randomUUID();
    const statusCount = weighted(rand(), [[0, 15], [1, 50], [2, 20], [3, 10], [4, 5]]);
    let mediaCount = 0;
    for (let s = 0; s < statusCount; s++) {
      const sid = crypto.randomUUID();
      st.id.push(sid); st.inst.push(instanceIds[i]); st.remote.push(`s${n}-${s}`); st.account.push(target); st.html.push(`<p>Synthetic post ${n}.${s} about ${WORDS[n % WORDS.length]}</p>`);
      link.report.push(id); link.status.push(sid); link.pos.push(s);
      const media = weighted(rand(), [[0, 65], [1, 25], [2, 7], [4, 3]]);
      for (let m = 0; m < media; m++) {
        const mid = crypto.randomUUID();
        const video = rand() < 0.1;
        med.id.push(mid); med.inst.push(instanceIds[i]); med.status.push(sid); med.remote.push(`m${n}-${s}-${m}`); med.type.push(video ? 'video' : 'image');
        med.mime.push(video ? 'video/mp4' : 'image/jpeg'); med.kind.push(video ? 'video-card' : 'blurred-image');
        med.key.push(`media/${instanceIds[i]}/${mid}/original`); med.pkey.push(`media/${instanceIds[i]}/${mid}/preview`);
      }
      mediaCount += media;
    }
    const category = weighted(rand(), CATEGORIES);
    const earlier = perTarget.get(target) ?? 0;
    perTarget.set(target, earlier + 1);
    rep.id.push(id); rep.inst.push(instanceIds[i]); rep.remote.push(String(n + 1)); rep.status.push(rand() < 0.85 ? 'open' : 'resolved'); rep.cat.push(category);
    rep.comment.push(Array.from({ length: Math.floor(rand() * 40) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' '));
    rep.reporter.push(accounts[i][Math.floor(rand() * size.accountsPerInstance)]); rep.target.push(target);
    rep.assignee.push(rand() < 0.1 ? accounts[i][Math.floor(rand() * 5)] : null);
    rep.media.push(mediaCount); rep.statuses.push(statusCount); rep.at.push(iso(at)); rep.hash.push(id);
    // No hash matches in the bench set: the priority spread comes from the base score.
    rep.prio.push(computePriority({ severity: 0, distance: null, quality: null, reportCount: earlier + 1, ageHours: rand() * 3, category, mediaCount }));
  });
  await insertColumns(client, 'Report', [['id', 'uuid'], ['instanceId', 'uuid'], ['remoteId', 'text'], ['status', '"ReportStatus"'], ['category', 'text'], ['comment', 'text'], ['reporterId', 'uuid'], ['targetId', 'uuid'], ['assigneeId', 'uuid'], ['mediaCount', 'int'], ['statusCount', 'int'], ['priority', 'int'], ['remoteCreatedAt', 'timestamp(3)'], ['contentHash', 'text']],
    [rep.id, rep.inst, rep.remote, rep.status, rep.cat, rep.comment, rep.reporter, rep.target, rep.assignee, rep.media, rep.statuses, rep.prio, rep.at, rep.hash]);
  await insertColumns(client, 'Status', [['id', 'uuid'], ['instanceId', 'uuid'], ['remoteId', 'text'], ['accountId', 'uuid'], ['contentHtml', 'text']], [st.id, st.inst, st.remote, st.account, st.html]);
  await insertColumns(client, 'ReportStatusLink', [['reportId', 'uuid'], ['statusId', 'uuid'], ['position', 'int']], [link.report, link.status, link.pos]);
  await insertColumns(client, 'Media', [['id', 'uuid'], ['instanceId', 'uuid'], ['statusId', 'uuid'], ['remoteId', 'text'], ['type', 'text'], ['url', 'text'], ['state', '"MediaState"'], ['mime', 'text'], ['previewKind', 'text'], ['storageKey', 'text'], ['previewKey', 'text']],
    [med.id, med.inst, med.status, med.remote, med.type, med.remote.map((r) => `https://files.example/${r}.jpg`), med.id.map(() => 'done'), med.mime, med.kind, med.key, med.pkey]);

  const adminId = crypto.randomUUID();
  await client.query(`insert into "User" (id, email, "passwordHash", role, "updatedAt") values ($1, 'bench-admin@example.test', 'x', 'admin', now())`, [adminId]);
  // Assignments made through the app, so the "assigned to me" filter has real work to do.
  const assigned = Array.from({ length: 2_000 }, () => Math.floor(rand() * size.reports));
  await insertColumns(client, 'Action', [['id', 'uuid'], ['instanceId', 'uuid'], ['reportId', 'uuid'], ['kind', 'text'], ['payload', 'jsonb'], ['status', '"ActionStatus"'], ['requestedById', 'uuid'], ['createdAt', 'timestamp(3)']], [
    assigned.map(() => crypto.randomUUID()), assigned.map((k) => rep.inst[k]), assigned.map((k) => rep.id[k]), assigned.map(() => 'report.assign_to_self'),
    assigned.map(() => '{}'), assigned.map(() => 'done'), assigned.map(() => adminId), assigned.map((k) => rep.at[k]),
  ]);
  // The team layer (issue 12): 1 report in 100 tagged, 1 in 500 escalated, so those filters have real work to do.
  await client.query(`insert into "SubjectTag" ("subjectType", "subjectKey", tag, "createdAt") select 'report', id::text, 'brigade', now() from "Report" where abs(hashtext(id::text)) % 100 = 0`);
  await client.query(`insert into "Escalation" (id, "subjectType", "subjectKey", reason, "raisedByLabel", "createdAt") select gen_random_uuid(), 'report', id::text, 'bench', 'bench', now() from "Report" where abs(hashtext(id::text)) % 500 = 1`);
  return { instanceIds, adminId, reportIds: rep.id };
}
