/**
 * What one CyberTipline report of a case says (pure: the preview and the filing verb build it from the same
 * snapshot, so the SHA-256 a person reviewed can be compared with what is filed). Case text comes from remote
 * servers and moderators: everything is reduced to what XML can carry and capped here, so buildReportXml either
 * gets clean input or refuses with a clear error, never sends garbage.
 */
import { AppError } from '@/lib/errors';
import { CSAM_INCIDENT_TYPE } from './ncmec/incident-types';
import type { NcmecReportInput } from './ncmec/report-xml';
import { xmlSafe } from './ncmec/xml-text';

export interface FilingCaseSnapshot {
  number: number;
  title: string;
  label: string | null;
  severity: number;
  createdAt: Date;
  hashes: { sha256: string | null; md5: string | null; pdq: string | null };
  origin: { url: string | null; acct: string | null; accountUrl: string | null; domain: string | null; serverKind: string | null };
  copies: { instanceName: string; instanceId: string; instanceUrl: string; postUrl: string | null; mediaUrl: string | null; foundAt: Date }[];
  reportCreatedAt: Date[];
}

/** The reporting person and organization as settings hold them (NcmecConnection has this shape). */
export interface FilingReporterSettings {
  reporter: { firstName: string; lastName: string; email: string; phone: string };
  organization: { name: string; companyTemplate: string; termsOfService: string; legalUrl: string };
}

export const ADDITIONAL_INFO_MAX = 4000;
const URL_MAX = 2048;
const FIELD_MAX = 300;

const LABEL_WORDS: Record<string, string> = {
  csam: 'Child sexual abuse material', ncii: 'Non-consensual intimate imagery', terrorism: 'Terrorist content', spam: 'Spam', other: 'Other',
};
const KIND_WORDS: Record<string, string> = {
  mastodon: 'Mastodon', gotosocial: 'GoToSocial', akkoma: 'Akkoma', misskey: 'Misskey', lemmy: 'Lemmy', peertube: 'PeerTube',
};

/** `reporterAs` (lib/team/ncmec-reporter.ts): the filer's pseudonym and team name in place of the settings' person. */
export function buildReportInput(snap: FilingCaseSnapshot, settings: FilingReporterSettings, reporterAs: { firstName: string; lastName: string } | null = null): NcmecReportInput {
  const urls = reportUrls(snap);
  if (urls.length === 0) {
    throw new AppError('bad_request', `case ${snap.number}: no usable URL to report`, { userMessage: 'The case has no post or media URL to report.' });
  }
  const r = reporterAs ? { ...settings.reporter, ...reporterAs } : settings.reporter;
  const o = settings.organization;
  const profile = cleanUrl(snap.origin.accountUrl);
  const kind = line(snap.origin.serverKind ?? '', FIELD_MAX);
  return {
    incidentType: CSAM_INCIDENT_TYPE,
    incidentDateTime: firstSeen(snap),
    urls,
    reporter: {
      firstName: line(r.firstName, FIELD_MAX), lastName: line(r.lastName, FIELD_MAX), email: line(r.email, FIELD_MAX),
      phone: optional(r.phone), companyTemplate: optional(o.companyTemplate, ADDITIONAL_INFO_MAX),
      termsOfService: optional(o.termsOfService, ADDITIONAL_INFO_MAX), legalUrl: cleanUrl(o.legalUrl) ?? undefined,
    },
    reported: {
      espService: (KIND_WORDS[kind] ?? kind) || optional(snap.origin.domain ?? ''),
      screenName: optional(snap.origin.acct ?? ''),
      profileUrls: profile ? [profile] : [],
    },
    additionalInfo: summaryText(snap, o.name.trim() ? o.name : `${r.firstName} ${r.lastName}`),
  };
}

/** Origin first, then each copy's URL by instance name; no URL twice. */
export function reportUrls(snap: FilingCaseSnapshot): string[] {
  const copies = [...snap.copies].sort((a, b) => (a.instanceName < b.instanceName ? -1 : a.instanceName > b.instanceName ? 1 : 0));
  const all = [snap.origin.url, ...copies.map(copyUrl)].map(cleanUrl);
  return [...new Set(all.filter((u): u is string => u !== null))];
}

/**
 * Where the copy is served by our instance: its post URL, else its media URL, preferring one on the instance's own
 * host. A federated post's URL is usually the origin's (Mastodon and GoToSocial report the remote `url`), which
 * says nothing about the copy; the instance's cached media URL does.
 */
function copyUrl(c: FilingCaseSnapshot['copies'][number]): string | null {
  const host = hostOf(c.instanceUrl);
  const local = [c.postUrl, c.mediaUrl].find((u) => u !== null && host !== null && hostOf(u) === host);
  return local ?? c.postUrl ?? c.mediaUrl;
}

function hostOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).host : null;
}

/** The earliest moment we know the item existed: a copy found, a report made, or the case opened. */
function firstSeen(snap: FilingCaseSnapshot): Date {
  const times = [snap.createdAt, ...snap.copies.map((c) => c.foundAt), ...snap.reportCreatedAt].map((d) => d.getTime()).filter(Number.isFinite);
  return new Date(Math.min(...times));
}

function summaryText(snap: FilingCaseSnapshot, organization: string): string {
  const k = snap.copies.length;
  const m = new Set(snap.copies.map((c) => c.instanceId)).size;
  const label = snap.label ? (LABEL_WORDS[snap.label] ?? line(snap.label, 40)) : 'No label';
  const severity = snap.severity > 0 ? `severity ${snap.severity} of 5` : 'severity not set';
  const title = line(snap.title, FIELD_MAX).replace(/\.+$/, '') || '(untitled)';
  const h = snap.hashes;
  const text = `Case ${snap.number}: ${title}. ${label}, ${severity}. `
    + `Found on ${k} ${k === 1 ? 'copy' : 'copies'} across ${m} ${m === 1 ? 'server' : 'servers'} we moderate; origin ${line(snap.origin.domain ?? '', FIELD_MAX) || 'unknown'}. `
    + `SHA-256 ${hash(h.sha256)}, MD5 ${hash(h.md5)}, PDQ ${hash(h.pdq)}. `
    + `Reported by fedimod (moderation dashboard) for ${line(organization, FIELD_MAX) || 'our organization'}.`;
  return cap(text, ADDITIONAL_INFO_MAX);
}

const hash = (v: string | null) => (v && /^[0-9a-f]{16,128}$/i.test(v) ? v.toLowerCase() : 'unknown');

/** One line of plain text: only what XML carries, whitespace and C1 controls collapsed, capped. */
function line(text: string, max: number): string {
  return cap(xmlSafe(text).replace(/[\s\u0080-\u009f]+/g, ' ').trim(), max);
}

function optional(text: string, max = FIELD_MAX): string | undefined {
  return line(text, max) || undefined;
}

/** An http(s) URL in its normalized form, or null: a URL that does not parse would only confuse the report. */
function cleanUrl(raw: string | null): string | null {
  const text = raw ? xmlSafe(raw).trim() : '';
  if (!text || text.length > URL_MAX || !URL.canParse(text)) return null;
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.href.length <= URL_MAX ? url.href : null;
}

/** Cut by code points (never half an emoji), marking the cut. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text.slice(0, max + 1));
  let out = '';
  for (const p of points) {
    if (out.length + p.length > max - 1) break;
    out += p;
  }
  return `${out}…`;
}
