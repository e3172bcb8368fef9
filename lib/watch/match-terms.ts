/**
 * Pure: which watch terms a post carries. Hashtags: the tags the server lists and any #tag in the text; keywords:
 * the plain text (HTML stripped, entities decoded), case-insensitive, on word boundaries; domains: every href, the
 * post's extra links and any host written in the text, the domain itself or a subdomain of it. Never throws: the
 * post is hostile remote data.
 */
import sanitizeHtml from 'sanitize-html';
import type { WatchKind } from './types';
import { hostKey, tagKey } from './normalize-term';

export interface MatchablePost {
  contentHtml: string;
  spoilerText: string;
  tags: string[];
  links?: string[];
}

const WORD = '[\\p{L}\\p{N}_]';
// Block boundaries become spaces, or "</p><p>" would glue the last word of one paragraph to the next.
const BLOCK = /<\/?(?:p|br|div|li|ul|ol|blockquote|pre|h[1-6]|tr|td)\b[^>]*>/gi;
const TEXT_TAG = /(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]+)/gu;
const HOST_TOKEN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** What a post offers to match against, read once for all terms. */
interface Read {
  text: string;
  tags: Set<string>;
  hosts: Set<string>;
}

function decode(escaped: string): string {
  // sanitize-html decodes every entity and re-escapes only these four in its text output.
  return escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function readPost(post: MatchablePost): Read {
  const hrefs: string[] = [];
  const html = String(post.contentHtml ?? '').replace(BLOCK, ' ');
  const kept = sanitizeHtml(html, {
    allowedTags: ['a'], allowedAttributes: { a: [] },
    transformTags: {
      a: (tagName, attribs) => {
        if (typeof attribs.href === 'string') hrefs.push(attribs.href);
        return { tagName, attribs: {} };
      },
    },
  });
  // What is left is text (with < escaped) and bare <a>/</a> tags, so this is not parsing HTML with a regex.
  const stripped = kept.replace(/<\/?a>/g, '');
  const text = `${decode(stripped)} ${String(post.spoilerText ?? '')}`.replace(/\s+/g, ' ').trim().toLowerCase();
  const tags = new Set<string>();
  for (const t of post.tags ?? []) if (typeof t === 'string') tags.add(tagKey(t));
  for (const m of text.matchAll(TEXT_TAG)) tags.add(tagKey(m[1]));
  const hosts = new Set<string>();
  for (const url of [...hrefs, ...(post.links ?? [])]) {
    const h = urlHost(url);
    if (h) hosts.add(h);
  }
  for (const m of text.matchAll(HOST_TOKEN)) {
    const h = safeHostKey(m[0]);
    if (h) hosts.add(h);
  }
  return { text, tags, hosts };
}

function urlHost(url: unknown): string {
  if (typeof url !== 'string') return '';
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? safeHostKey(u.hostname) : '';
  } catch {
    return '';
  }
}

function safeHostKey(host: string): string {
  try {
    return hostKey(host);
  } catch {
    return '';
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hasKeyword(text: string, keyword: string): boolean {
  const k = keyword.toLowerCase();
  if (!k) return false;
  return new RegExp(`(?<!${WORD})${escapeRegExp(k)}(?!${WORD})`, 'u').test(text);
}

function hasDomain(hosts: Set<string>, domain: string): boolean {
  if (!domain) return false;
  for (const h of hosts) if (h === domain || h.endsWith(`.${domain}`)) return true;
  return false;
}

/** The terms (of those given) the post carries, in the order given. */
export function matchTerms<T extends { kind: WatchKind | string; value: string }>(post: MatchablePost, terms: T[]): T[] {
  if (terms.length === 0) return [];
  let read: Read;
  try {
    read = readPost(post);
  } catch {
    return [];
  }
  return terms.filter((t) => {
    if (t.kind === 'hashtag') return read.tags.has(t.value);
    if (t.kind === 'keyword') return hasKeyword(read.text, t.value);
    if (t.kind === 'domain') return hasDomain(read.hosts, t.value);
    return false;
  });
}
