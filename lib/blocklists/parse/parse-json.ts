/**
 * Mastodon's public `/api/v1/instance/domain_blocks`: `[{ domain, digest, severity, comment }]`. An obfuscated
 * block shows `*` in its name and carries the SHA-256 of the real one. GoToSocial's answer has the same shape
 * (its comment may be `public_comment`). "Line" is the item's position, from 1.
 */
import { EntryCollector, MAX_LINE_CHARS } from './collect-entries';
import { parseComment, parseSeverity } from './fields';

const DIGEST = /^[0-9a-f]{64}$/i;

function itemText(item: unknown): string {
  try {
    return JSON.stringify(item) ?? String(item);
  } catch {
    return String(item);
  }
}

export function parseMastodonJson(text: string, out: EntryCollector): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    out.addBad(1, text, 'not valid JSON');
    return;
  }
  if (!Array.isArray(data)) {
    out.addBad(1, text, "not a JSON array of domain blocks (the shape of Mastodon's /api/v1/instance/domain_blocks)");
    return;
  }
  data.forEach((item: unknown, index) => {
    const line = index + 1;
    const raw = itemText(item);
    if (raw.length > MAX_LINE_CHARS) return out.addBad(line, raw, `longer than ${MAX_LINE_CHARS} characters`);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return out.addBad(line, raw, 'not an object');
    const o = item as Record<string, unknown>;
    if (typeof o.domain !== 'string' || o.domain.trim() === '') return out.addBad(line, raw, 'no domain');
    if (o.severity !== undefined && o.severity !== null && typeof o.severity !== 'string') return out.addBad(line, raw, 'severity is not text');
    const severity = parseSeverity(o.severity as string | null | undefined);
    if (typeof severity === 'object') return out.addBad(line, raw, severity.error);
    const comment = typeof o.comment === 'string' ? o.comment : typeof o.public_comment === 'string' ? o.public_comment : null;
    out.add({
      line, domain: o.domain, severity, rejectMedia: o.reject_media === true, rejectReports: o.reject_reports === true,
      publicComment: parseComment(comment), obfuscate: false,
      digest: typeof o.digest === 'string' && DIGEST.test(o.digest) ? o.digest.toLowerCase() : null,
    }, raw);
  });
}
