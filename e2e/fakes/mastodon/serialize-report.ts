/** Admin::Report, Admin::DomainBlock, Rule and Instance JSON. */
import type { FakeDomainBlock, FakeReport, FakeRule } from './entities';
import { serializeAdminAccount } from './serialize-account';
import { serializeStatus } from './serialize-status';
import type { FakeState } from './state';
import { createHash } from 'node:crypto';

export function serializeRule(r: FakeRule) {
  return { id: r.id, text: r.text, hint: r.hint };
}

export function serializeReport(state: FakeState, r: FakeReport): Record<string, unknown> {
  const adminAccount = (id: string | null) => {
    const a = id ? state.accounts.get(id) : undefined;
    return a ? serializeAdminAccount(state, a) : null;
  };
  const json: Record<string, unknown> = {
    id: r.id,
    action_taken: r.actionTakenAt !== null,
    action_taken_at: r.actionTakenAt,
    category: r.category,
    comment: r.comment,
    forwarded: r.forwarded,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    account: adminAccount(r.reporterId),
    target_account: adminAccount(r.targetId),
    assigned_account: adminAccount(r.assignedId),
    action_taken_by_account: adminAccount(r.actionTakenById),
    statuses: r.statusIds.flatMap((id) => {
      const s = state.statuses.get(id);
      return s ? [serializeStatus(state, s)] : [];
    }),
    rules: state.rules.filter((rule) => r.ruleIds.includes(rule.id)).map(serializeRule),
  };
  // Deliberately broken output, switched on through /__fake/malformed.
  const broken = state.malformed.get(r.id);
  if (broken === 'missing_target') delete json.target_account;
  if (broken === 'id_object') json.id = { $oid: r.id };
  return json;
}

export function serializeDomainBlock(b: FakeDomainBlock) {
  return {
    id: b.malformed ? { id: b.id } : b.id,
    domain: b.domain,
    digest: createHash('sha256').update(b.domain).digest('hex'),
    created_at: b.createdAt,
    severity: b.severity,
    reject_media: b.rejectMedia,
    reject_reports: b.rejectReports,
    private_comment: b.privateComment,
    public_comment: b.publicComment,
    obfuscate: b.obfuscate,
  };
}

export function serializeInstanceV1(state: FakeState) {
  return {
    uri: state.domain,
    title: state.title,
    short_description: 'A fake Mastodon server for tests.',
    description: 'A fake Mastodon server for tests.',
    email: `admin@${state.domain}`,
    version: state.version,
    urls: {},
    stats: { user_count: state.reporterIds.length + 1, status_count: state.statuses.size, domain_count: 4 },
    thumbnail: null,
    languages: ['en'],
    registrations: false,
    approval_required: false,
    invites_enabled: false,
    rules: state.rules.map(serializeRule),
  };
}

export function serializeInstanceV2(state: FakeState) {
  return {
    domain: state.domain,
    title: state.title,
    version: state.version,
    source_url: 'https://github.com/mastodon/mastodon',
    description: 'A fake Mastodon server for tests.',
    usage: { users: { active_month: state.reporterIds.length + 1 } },
    thumbnail: { url: `${state.baseUrl}/headers/original/missing.png` },
    languages: ['en'],
    configuration: {},
    registrations: { enabled: false, approval_required: false, message: null },
    contact: { email: `admin@${state.domain}`, account: null },
    rules: state.rules.map(serializeRule),
  };
}
