/**
 * Defence in depth before a remote report reaches the database, whatever its connector let through: Postgres
 * rejects U+0000 in text, and an invalid date makes Prisma throw, either of which would fail the whole write.
 * Text loses NUL and is capped (contract I5); dates are checked: an unreadable createdAt skips the item (there is
 * no honest value to store), any other unreadable date becomes null. Valid input comes back unchanged in shape,
 * so its content hash stays the same.
 */
import type { RemoteAccount, RemoteMedia, RemoteNote, RemoteReport, RemoteStatus } from '@/lib/connectors/types';

export const CAPS = { comment: 10_000, html: 100_000, name: 400, url: 2_048, id: 400 } as const;

export function cleanText(s: string, cap: number): string {
  const out = s.includes('\u0000') ? s.replace(/\u0000/g, '') : s;
  return out.length > cap ? out.slice(0, cap) : out;
}

function cleanOpt<T extends string | null | undefined>(s: T, cap: number): T {
  return (typeof s === 'string' ? cleanText(s, cap) : s) as T;
}

/** An ISO string Postgres and Date both accept, or null. */
export function validDate(s: string | null | undefined): string | null {
  if (typeof s !== 'string' || s.length > 64) return null;
  const t = Date.parse(s);
  if (!Number.isFinite(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year >= 1 && year <= 9999 ? s : null;
}

function cleanDate(s: string | null): string | null;
function cleanDate(s: string | null | undefined): string | null | undefined;
function cleanDate(s: string | null | undefined): string | null | undefined {
  return s === undefined ? undefined : validDate(s);
}

function cleanAccount(a: RemoteAccount): RemoteAccount {
  return {
    ...a,
    remoteId: cleanText(a.remoteId, CAPS.id),
    username: cleanText(a.username, CAPS.name),
    acct: cleanText(a.acct, CAPS.name),
    displayName: cleanText(a.displayName ?? '', CAPS.name),
    url: cleanOpt(a.url, CAPS.url),
    avatarUrl: cleanOpt(a.avatarUrl, CAPS.url),
    domain: cleanOpt(a.domain, CAPS.name),
    ...(a.email !== undefined ? { email: cleanOpt(a.email, CAPS.name) } : {}),
    ...(a.createdAt !== undefined ? { createdAt: cleanDate(a.createdAt) } : {}),
  };
}

function cleanMedia(m: RemoteMedia): RemoteMedia {
  return {
    ...m,
    remoteId: cleanText(m.remoteId, CAPS.id),
    url: cleanText(m.url, CAPS.url),
    previewUrl: cleanOpt(m.previewUrl, CAPS.url),
    remoteUrl: cleanOpt(m.remoteUrl, CAPS.url),
    description: cleanOpt(m.description, CAPS.comment),
  };
}

function cleanStatus(s: RemoteStatus): RemoteStatus {
  return {
    ...s,
    remoteId: cleanText(s.remoteId, CAPS.id),
    url: cleanOpt(s.url, CAPS.url),
    uri: cleanOpt(s.uri, CAPS.url),
    contentHtml: cleanText(s.contentHtml ?? '', CAPS.html),
    spoilerText: cleanText(s.spoilerText ?? '', CAPS.comment),
    visibility: cleanOpt(s.visibility, CAPS.name),
    createdAt: cleanDate(s.createdAt),
    media: s.media.map(cleanMedia),
  };
}

function cleanNote(n: RemoteNote): RemoteNote {
  return { ...n, remoteId: cleanOpt(n.remoteId, CAPS.id), author: cleanOpt(n.author, CAPS.name), text: cleanText(n.text ?? '', CAPS.comment), createdAt: cleanDate(n.createdAt) };
}

export type CleanResult = { ok: true; report: RemoteReport } | { ok: false; error: string };

export function cleanRemoteReport(r: RemoteReport): CleanResult {
  if (typeof r.remoteId !== 'string' || r.remoteId.length === 0 || r.remoteId.length > CAPS.id || r.remoteId.includes('\u0000')) {
    return { ok: false, error: 'report id is missing or malformed' };
  }
  const createdAt = validDate(r.createdAt);
  if (!createdAt) return { ok: false, error: 'report createdAt is not a valid date' };
  try {
    return {
      ok: true,
      report: {
        ...r,
        category: cleanText(r.category, CAPS.name),
        comment: cleanText(r.comment ?? '', CAPS.comment),
        createdAt,
        updatedAt: cleanDate(r.updatedAt),
        resolvedAt: cleanDate(r.resolvedAt),
        reporter: r.reporter ? cleanAccount(r.reporter) : null,
        target: cleanAccount(r.target),
        assignee: r.assignee ? cleanAccount(r.assignee) : null,
        statuses: r.statuses.map(cleanStatus),
        rules: r.rules.map((x) => ({ ...x, remoteId: cleanText(x.remoteId, CAPS.id), text: cleanText(x.text ?? '', CAPS.comment) })),
        ...(r.notes ? { notes: r.notes.map(cleanNote) } : {}),
      },
    };
  } catch (e) {
    // A shape no connector should produce (a missing target, a non-array); one line, no report text.
    return { ok: false, error: `report is malformed (${e instanceof Error ? e.name : 'error'})` };
  }
}
