/**
 * Text and element helpers for the XML we send. NCMEC validates every document against its XSD, so a report that
 * is not well-formed is rejected outright: characters XML 1.0 cannot carry are dropped rather than escaped (there
 * is no escape for them), and CR is written as a character reference because a parser turns a literal CR into LF.
 */

// XML 1.0 Char production: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF. With the `u` flag a lone
// surrogate is one code point outside these ranges, so it is dropped too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text minus the characters XML 1.0 cannot represent. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Escaped for element text and attribute values alike. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\r]/g, (c) => ESCAPES[c] ?? c);
}

/** One simple element, or '' when the value is absent (optional elements are left out, never sent empty). */
export function el(name: string, value: string | number | boolean | null | undefined, attrs: Record<string, string> = {}): string {
  if (value === undefined || value === null) return '';
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  return `<${name}${a}>${escapeXml(String(value))}</${name}>`;
}

/** A container element, or '' when every child was left out. */
export function group(name: string, children: readonly string[]): string {
  const inner = children.join('');
  return inner ? `<${name}>${inner}</${name}>` : '';
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
