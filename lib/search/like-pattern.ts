/**
 * A LIKE pattern for "contains q", case-insensitive through lower() on both sides (the trigram indexes are on
 * lower(col)). The user's `%`, `_` and `\` are escaped so they match themselves, never act as wildcards.
 */
export function containsPattern(q: string): string {
  return `%${escapeLike(q.toLowerCase())}%`;
}

export function prefixPattern(q: string): string {
  return `${escapeLike(q.toLowerCase())}%`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
