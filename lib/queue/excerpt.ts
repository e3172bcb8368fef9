/**
 * Report comments are remote plain text. The list shows a short, single-line excerpt: whitespace collapsed,
 * bidirectional control characters removed (they can make an excerpt read differently from its bytes),
 * cut at a word boundary. React escapes it; it is never rendered as HTML.
 */
const BIDI_AND_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function excerpt(text: string, max = 200): string {
  const flat = (text ?? '').replace(BIDI_AND_CONTROL, '').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
