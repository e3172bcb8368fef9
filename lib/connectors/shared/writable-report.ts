/**
 * The exit check of every connector (contract I5): whatever leaves a connector as a RemoteReport can be written to
 * Postgres as is. Text loses U+0000 and the other C0 controls (tab, newline and carriage return stay) and is capped;
 * optional dates become valid ISO strings or null; over-long URLs are dropped rather than cut into wrong ones.
 * A report whose own creation time is not a date cannot be placed in time and fails, to be recorded as skipped.
 */
import type { RemoteAccount, RemoteMedia, RemoteNote, RemoteReport, RemoteRule, RemoteStatus } from '../types';
import { SAFE_ID, toIsoDate } from './remote-schemas';

export const LIMITS = { comment: 10_000, html: 100_000, name: 400, url: 2_048 } as const;

// C0 controls except \t \n \r, plus DEL: Postgres rejects U+0000 and the rest only garble a moderator's screen.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Strips control characters and caps the length, without splitting a surrogate pair at the cut. */
export function cleanText(value: string, max: number): string {
  const stripped = value.replace(CONTROL, '');
  if (stripped.length <= max) return stripped;
  const cut = stripped.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Lone surrogates cannot be encoded as UTF-8 text by Postgres either; they are replaced. */
function text(value: string, max: number): string {
  return cleanText(value.replace(LONE_SURROGATE, '\ufffd'), max);
}

function url(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = text(value, LIMITS.url + 1);
  return t.length > LIMITS.url || t.length === 0 ? null : t;
}

function optText(value: string | null | undefined, max: number): string | null {
  return value === null || value === undefined ? null : text(value, max);
}

function account(a: RemoteAccount): RemoteAccount {
  const out: RemoteAccount = {
    ...a,
    remoteId: text(a.remoteId, LIMITS.name),
    username: text(a.username, LIMITS.name),
    acct: text(a.acct, LIMITS.name),
    displayName: text(a.displayName, LIMITS.name),
    url: url(a.url),
    avatarUrl: url(a.avatarUrl),
    domain: optText(a.domain, LIMITS.name),
  };
  if (a.email !== undefined) out.email = optText(a.email, LIMITS.name);
  if (a.createdAt !== undefined) out.createdAt = toIsoDate(a.createdAt);
  return out;
}

function media(m: RemoteMedia): RemoteMedia | null {
  const u = url(m.url);
  if (!u) return null; // nothing to fetch
  return {
    ...m,
    remoteId: text(m.remoteId, LIMITS.name),
    url: u,
    previewUrl: url(m.previewUrl),
    remoteUrl: url(m.remoteUrl),
    description: optText(m.description, LIMITS.comment),
    ...(m.meta !== undefined ? { meta: m.meta === null ? null : cleanRecord(m.meta) } : {}),
  };
}

function status(s: RemoteStatus): RemoteStatus {
  return {
    ...s,
    remoteId: text(s.remoteId, LIMITS.name),
    url: url(s.url),
    uri: url(s.uri),
    contentHtml: text(s.contentHtml, LIMITS.html),
    spoilerText: text(s.spoilerText, LIMITS.comment),
    visibility: optText(s.visibility, LIMITS.name),
    createdAt: toIsoDate(s.createdAt),
    media: s.media.map(media).filter((m): m is RemoteMedia => m !== null),
  };
}

function rule(r: RemoteRule): RemoteRule {
  return { remoteId: text(r.remoteId, LIMITS.name), text: text(r.text, LIMITS.comment) };
}

function note(n: RemoteNote): RemoteNote {
  return { remoteId: optText(n.remoteId, LIMITS.name), author: optText(n.author, LIMITS.name), text: text(n.text, LIMITS.comment), createdAt: toIsoDate(n.createdAt) };
}

export type WritableResult = { ok: true; report: RemoteReport } | { ok: false; error: string };

export function toWritableReport(r: RemoteReport): WritableResult {
  const createdAt = toIsoDate(r.createdAt);
  if (createdAt === null) return { ok: false, error: 'createdAt: not a date' };
  if (!SAFE_ID.test(r.remoteId.replace(/:/g, '_'))) return { ok: false, error: 'id: not an id' };
  const out: RemoteReport = {
    ...r,
    category: text(r.category, LIMITS.name),
    comment: text(r.comment, LIMITS.comment),
    createdAt,
    updatedAt: toIsoDate(r.updatedAt),
    resolvedAt: toIsoDate(r.resolvedAt),
    reporter: r.reporter ? account(r.reporter) : null,
    target: account(r.target),
    assignee: r.assignee ? account(r.assignee) : null,
    statuses: r.statuses.map(status),
    rules: r.rules.map(rule),
  };
  if (r.notes !== undefined) out.notes = r.notes.map(note);
  return { ok: true, report: out };
}

function cleanRecord(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, 200)) out[text(k, LIMITS.name)] = cleanJson(v, 1);
  return out;
}

/**
 * JSON from a remote server, made storable (jsonb rejects \u0000 in strings and keys) and bounded: depth, keys
 * and string length are capped so a hostile `raw` or `meta` cannot bloat a row.
 */
export function cleanJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return text(value, LIMITS.comment);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === 'boolean') return value;
  if (depth >= 8) return null;
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => cleanJson(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).slice(0, 200)) out[text(k, LIMITS.name)] = cleanJson(v, depth + 1);
    return out;
  }
  return null;
}

/** Watch posts (issue 14, shared/writable-post.ts) pass the same exit check as a report's statuses and accounts. */
export { account as writableAccount, status as writableStatus };
