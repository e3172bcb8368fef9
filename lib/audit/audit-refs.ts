/**
 * Names and links for the audit page: who acted and on what, as a reader would say it ("Case 12 · spam wave",
 * "Nia", "Report 4412 (@spammer@bad.example)") rather than a type and a uuid. Events have no foreign keys (they
 * outlive what they name), so everything is looked up in a few batched queries per page, and a thing that no
 * longer exists keeps a short id and no link. Exports do not use this: they carry the stored fields only.
 */
import { db } from '@/lib/db';
import type { AuditEvent } from '@/lib/generated/prisma/client';

export interface AuditRef {
  label: string;
  /** A second line, e.g. the email under a user's name. */
  detail: string | null;
  href: string | null;
}

export interface AuditRefs {
  actor: AuditRef;
  target: AuditRef | null;
}

type Row = Pick<AuditEvent, 'actorType' | 'actorId' | 'actorLabel' | 'targetType' | 'targetId'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIGINT_ID = /^\d{1,18}$/;

const short = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);
const gone = (type: string, id: string): AuditRef => ({ label: `${type.replace(/_/g, ' ')} ${short(id)}`, detail: 'no longer exists', href: null });

function idsOf(rows: readonly Row[], type: string, pattern = UUID): string[] {
  return [...new Set(rows.filter((r) => r.targetType === type && r.targetId && pattern.test(r.targetId)).map((r) => r.targetId!))];
}

export async function resolveAuditRefs(rows: readonly Row[]): Promise<AuditRefs[]> {
  const userIds = [...new Set([...rows.filter((r) => r.actorType === 'user' && r.actorId).map((r) => r.actorId!), ...idsOf(rows, 'user')])];
  const [users, instances, reports, cases, banks, invites, media, entries] = await Promise.all([
    byId(userIds, (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } })),
    byId(idsOf(rows, 'instance'), (ids) => db.instance.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })),
    byId(idsOf(rows, 'report'), (ids) => db.report.findMany({ where: { id: { in: ids } }, select: { id: true, remoteId: true, target: { select: { acct: true } }, instance: { select: { name: true } } } })),
    byId(idsOf(rows, 'case'), (ids) => db.case.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, title: true } })),
    byId(idsOf(rows, 'bank'), (ids) => db.hashBank.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })),
    byId(idsOf(rows, 'invite'), (ids) => db.invite.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })),
    byId(idsOf(rows, 'media'), (ids) => db.media.findMany({
      where: { id: { in: ids } },
      select: { id: true, type: true, instance: { select: { name: true } }, status: { select: { reports: { select: { reportId: true }, orderBy: { reportId: 'asc' }, take: 1 } } } },
    })),
    byId(idsOf(rows, 'bank_entry', BIGINT_ID), async (ids) => (await db.bankEntry.findMany({
      where: { id: { in: ids.map(BigInt) } }, select: { id: true, signalType: true, bank: { select: { id: true, name: true } } },
    })).map((e) => ({ ...e, id: e.id.toString() }))),
  ]);

  function target(r: Row): AuditRef | null {
    const type = r.targetType;
    const id = r.targetId;
    if (!type && !id) return null;
    if (!type || !id) return { label: type ?? short(id ?? ''), detail: null, href: null };
    switch (type) {
      case 'user': {
        const u = users.get(id);
        return u ? { label: u.name || u.email, detail: u.name ? u.email : null, href: '/users' } : gone('user', id);
      }
      case 'instance': {
        const i = instances.get(id);
        return i ? { label: i.name, detail: 'instance', href: `/instances/${i.id}` } : gone('instance', id);
      }
      case 'report': {
        const rep = reports.get(id);
        return rep ? { label: `Report ${rep.remoteId}`, detail: `@${rep.target.acct} · ${rep.instance.name}`, href: `/reports/${rep.id}` } : gone('report', id);
      }
      case 'case': {
        const c = cases.get(id);
        return c ? { label: `Case ${c.number}`, detail: c.title || null, href: `/cases/${c.id}` } : gone('case', id);
      }
      case 'bank': {
        const b = banks.get(id);
        return b ? { label: b.name, detail: 'hash bank', href: `/banks/${b.id}` } : gone('bank', id);
      }
      case 'bank_entry': {
        const e = entries.get(id);
        return e ? { label: `${e.signalType.toUpperCase()} entry ${id}`, detail: `in ${e.bank.name}`, href: `/banks/${e.bank.id}` } : gone('bank entry', id);
      }
      case 'invite': {
        const inv = invites.get(id);
        return inv ? { label: `Invite for ${inv.email}`, detail: null, href: '/users' } : gone('invite', id);
      }
      case 'media': {
        const m = media.get(id);
        if (!m) return gone('media', id);
        const reportId = m.status?.reports[0]?.reportId ?? null;
        return { label: `${m.type} on ${m.instance.name}`, detail: reportId ? 'open its report' : null, href: reportId ? `/reports/${reportId}` : null };
      }
      case 'setting':
        return { label: `Setting ${id}`, detail: null, href: '/settings' };
      // A remote account or domain across instances (lib/actors): the key is the handle or the domain itself.
      case 'account':
        return { label: `@${id}`, detail: 'account', href: `/accounts/${encodeURIComponent(id)}` };
      case 'domain':
        return { label: id, detail: 'domain', href: `/domains/${encodeURIComponent(id)}` };
      default:
        return { label: type.replace(/_/g, ' '), detail: short(id), href: null };
    }
  }

  function actor(r: Row): AuditRef {
    // Systems and webhooks have no page; the table marks their kind with a badge.
    if (r.actorType !== 'user') return { label: r.actorLabel, detail: null, href: null };
    const u = r.actorId ? users.get(r.actorId) : undefined;
    // The label recorded at the time stays the fallback: a deleted user's events still say who it was.
    if (!u) return { label: r.actorLabel, detail: null, href: null };
    return { label: u.name || u.email, detail: u.name ? u.email : null, href: '/users' };
  }

  return rows.map((r) => ({ actor: actor(r), target: target(r) }));
}

async function byId<T extends { id: string }>(ids: string[], load: (ids: string[]) => Promise<T[]>): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  return new Map((await load(ids)).map((x) => [x.id, x]));
}
