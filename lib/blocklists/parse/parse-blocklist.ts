/**
 * A blocklist's text → entries, obfuscated entries (resolved later against known domains) and bad lines. Never
 * throws: whatever a list holds, the good rows land and each unreadable one is listed with its reason.
 */
import type { ParseResult, SourceFormat } from '@/lib/blocklists/types';
import { EntryCollector } from './collect-entries';
import { detectFormat } from './detect-format';
import { parseMastodonCsv } from './parse-csv';
import { parseMastodonJson } from './parse-json';
import { parsePlain } from './parse-plain';

export function parseBlocklist(text: string, format: SourceFormat): ParseResult {
  // Line numbers count CRLF, LF and lone CR alike, so the number shown matches what an editor shows.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const detected = format === 'auto' ? detectFormat(body) : format;
  const out = new EntryCollector();
  if (detected === 'mastodon_json') parseMastodonJson(body, out);
  else if (detected === 'mastodon_csv') parseMastodonCsv(body, out);
  else parsePlain(body, out);
  return out.result(detected);
}
